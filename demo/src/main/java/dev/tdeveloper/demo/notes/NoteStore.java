package dev.tdeveloper.demo.notes;

import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.context.TenantContext;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The demo's data: notes kept strictly per tenant. Every operation takes the tenant from {@link
 * TenantContext#require()}, never from a parameter, so a handler cannot address another tenant's
 * notes even by mistake. Thread-safe.
 */
public final class NoteStore {
  private final InstantSource clock;
  private final Map<TenantId, TenantNotes> byTenant = new ConcurrentHashMap<>();

  /** Creates an empty store. */
  public NoteStore(InstantSource clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  private TenantNotes notes() {
    return byTenant.computeIfAbsent(TenantContext.require(), id -> new TenantNotes());
  }

  /** Creates a note for the current tenant. */
  public Note create(String text) {
    TenantNotes notes = notes();
    Note note = new Note(notes.nextId.incrementAndGet(), text, clock.instant());
    notes.notes.put(note.id(), note);
    return note;
  }

  /** Returns the current tenant's notes, oldest first. */
  public List<Note> list() {
    return List.copyOf(notes().notes.values());
  }

  /** Returns the current tenant's note {@code id}, if it exists. */
  public Optional<Note> find(long id) {
    return Optional.ofNullable(notes().notes.get(id));
  }

  /** Deletes the current tenant's note {@code id}; returns whether it existed. */
  public boolean delete(long id) {
    return notes().notes.remove(id) != null;
  }

  /** Returns how many notes the current tenant has. */
  public int count() {
    return notes().notes.size();
  }

  private static final class TenantNotes {
    final AtomicLong nextId = new AtomicLong();
    final ConcurrentSkipListMap<Long, Note> notes = new ConcurrentSkipListMap<>();
  }
}
