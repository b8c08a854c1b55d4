package dev.tdeveloper.demo.notes;

import dev.tdeveloper.tenancy.TenantId;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Hears every change of a tenant's notes before it is written to the notes journal, under the
 * tenant's write lock, so a write-ahead change log (the backups' change journal) records it first
 * and in the notes' order. A note's content is its stored record (sealed, never plaintext). Must be
 * thread-safe; throwing refuses the change.
 *
 * <p>A {@link #durable()} log makes each change durable before {@code put} or {@code delete}
 * returns and can {@link #replay} the changes from a {@link #position}: the notes journal then
 * forces its records only at checkpoints (each naming the log's position it covers) and, on open,
 * re-applies what the log heard past its last checkpoint. The log must keep its changes at least
 * back to the last checkpoint of every tenant's notes journal (see {@link NoteStore#checkpoint}).
 */
public interface NoteChangeLog {
  /** Note {@code id} of {@code tenant} is about to be stored as {@code record}. */
  void put(TenantId tenant, long id, byte[] record);

  /** Note {@code id} of {@code tenant} is about to be deleted. */
  void delete(TenantId tenant, long id);

  /** Returns whether changes are durable once heard and can be replayed. */
  boolean durable();

  /**
   * Returns {@code tenant}'s position after the last change heard: every later change has this
   * position or a higher one. Meaningful only for a {@link #durable()} log.
   */
  long position(TenantId tenant);

  /**
   * Passes {@code tenant}'s changes at or after position {@code from}, in the order heard, to
   * {@code changes}; only that tenant's.
   *
   * @throws IllegalStateException if the log no longer holds every change from {@code from}
   */
  void replay(TenantId tenant, long from, Consumer<Change> changes);

  /** One change as the log heard it: note {@code id} stored as {@code record}, or deleted. */
  record Change(long id, Optional<byte[]> record) {
    /** Checks the id; the record is not copied (changes are replayed once, then dropped). */
    public Change {
      if (id < 0) {
        throw new IllegalArgumentException("a note id is 0 or more, was " + id);
      }
      java.util.Objects.requireNonNull(record, "record");
    }
  }

  /** Returns a log that records nothing: the notes journal then forces every write itself. */
  static NoteChangeLog none() {
    return new NoteChangeLog() {
      @Override
      public void put(TenantId tenant, long id, byte[] record) {}

      @Override
      public void delete(TenantId tenant, long id) {}

      @Override
      public boolean durable() {
        return false;
      }

      @Override
      public long position(TenantId tenant) {
        return 0;
      }

      @Override
      public void replay(TenantId tenant, long from, Consumer<Change> changes) {}
    };
  }
}
