package dev.tdeveloper.demo.notes;

import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.context.TenantContext;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where the notes API keeps each tenant's notes: {@link NoteStore} (local journals, encrypted with
 * each tenant's keys, the embedded default) or a database shared by several instances. Every note
 * operation takes the tenant from {@link TenantContext#require()}, never from a parameter, so a
 * handler cannot address another tenant's notes even by mistake. Implementations are thread-safe.
 */
public interface Notes {
  /**
   * Prepares {@code tenant}'s notes space (a provisioning step); does nothing if it exists.
   *
   * @return whether this call created it
   */
  boolean createSpace(TenantId tenant);

  /** Stops serving {@code tenant}'s notes, keeping them; idempotent. */
  void closeSpace(TenantId tenant);

  /** Deletes {@code tenant}'s notes space and every note in it; idempotent. */
  void dropSpace(TenantId tenant);

  /** Returns whether {@code tenant}'s notes can be served. */
  boolean hasSpace(TenantId tenant);

  /**
   * Creates a note of {@code author} (if given) for the current tenant; durable when it returns.
   *
   * @throws IllegalArgumentException if the text is blank or too long, or the author invalid
   *     (nothing is written)
   */
  Note create(String text, Optional<String> author);

  /** Returns the current tenant's notes, oldest first. */
  List<Note> list();

  /** Returns the current tenant's note {@code id}, if it exists. */
  Optional<Note> find(long id);

  /** Deletes the current tenant's note {@code id}; returns whether it existed. */
  boolean delete(long id);

  /** Returns how many notes the current tenant has. */
  int count();

  /** Returns the current tenant's notes written by {@code author}, oldest first. */
  default List<Note> byAuthor(String author) {
    return list().stream().filter(n -> n.author().filter(author::equals).isPresent()).toList();
  }

  /**
   * Changes every note of the current tenant written by {@code author}: {@code change} returns the
   * note's replacement (same id and creation time) or empty to delete it; no superseded copy of
   * them is kept.
   *
   * @return how many notes were changed or deleted
   * @throws IllegalArgumentException if a replacement has another id or creation time
   */
  int rewriteByAuthor(String author, Function<Note, Optional<Note>> change);
}
