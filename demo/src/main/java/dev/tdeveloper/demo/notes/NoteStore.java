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
    TenantId tenant = TenantContext.require();
    TenantNotes notes = byTenant.get(tenant);
    if (notes == null) {
      throw new IllegalStateException(
          "tenant '" + tenant + "' has no notes space: not provisioned");
    }
    return notes;
  }

  /** Creates the notes space of {@code tenant}; does nothing if it exists (a provisioning step). */
  public void createSpace(TenantId tenant) {
    byTenant.computeIfAbsent(Objects.requireNonNull(tenant, "tenant"), id -> new TenantNotes());
  }

  /** Deletes the notes space of {@code tenant} and every note in it; idempotent. */
  public void dropSpace(TenantId tenant) {
    byTenant.remove(Objects.requireNonNull(tenant, "tenant"));
  }

  /** Returns whether {@code tenant} has a notes space. */
  public boolean hasSpace(TenantId tenant) {
    return byTenant.containsKey(tenant);
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
