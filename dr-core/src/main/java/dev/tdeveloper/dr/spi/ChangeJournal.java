package dev.tdeveloper.dr.spi;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The append-only log of changes made after backups, per scope, that point-in-time recovery replays
 * onto a base backup: each record has a sequence number (from 0, no gaps, per scope) and a time.
 * {@link #append} returns only once the record is durable. The local default keeps a crash-safe
 * file per scope. Thread-safe.
 */
public interface ChangeJournal extends AutoCloseable {
  /**
   * Appends a change durably and returns it with its sequence number.
   *
   * @param content the file's new content, or empty for a deletion
   * @throws IllegalArgumentException if the time is before the scope's last record's time
   */
  ChangeRecord append(
      BackupScope scope, Instant time, String source, String path, Optional<byte[]> content);

  /** Hands the scope's records with {@code sequence >= from} to {@code consumer}, in order. */
  void read(BackupScope scope, long from, Consumer<ChangeRecord> consumer);

  /** Returns the sequence number the scope's next record gets (0 when it has none). */
  long nextSequence(BackupScope scope);

  /**
   * Drops the scope's records before {@code sequence} (those a retained base backup already
   * covers); later sequence numbers do not change.
   */
  void truncateBefore(BackupScope scope, long sequence);

  /** Releases the journal; idempotent. */
  @Override
  void close();
}
