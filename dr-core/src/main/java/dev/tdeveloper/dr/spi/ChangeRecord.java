package dev.tdeveloper.dr.spi;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One change of a backed-up source after its last backup: a file written (with its whole new
 * content) or deleted, with its sequence number in the scope's journal and when it happened.
 * Point-in-time recovery replays these onto a base backup. Immutable: the content is copied.
 *
 * @param sequence the record's number in its scope's journal, from 0, without gaps
 * @param time when the change happened
 * @param source the backup source it belongs to
 * @param path the file's path relative to the source's root (as in {@link SourceEntry})
 * @param content the new content, or empty for a deletion
 */
public record ChangeRecord(
    long sequence, Instant time, String source, String path, Optional<byte[]> content) {
  /** Checks and copies the fields. */
  public ChangeRecord {
    if (sequence < 0) {
      throw new IllegalArgumentException("ChangeRecord.sequence must be >= 0, got " + sequence);
    }
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(source, "source");
    new SourceEntry(path, 0, time); // validates the path the same way
    content = Objects.requireNonNull(content, "content").map(byte[]::clone);
  }

  /** Returns a copy of the content, or empty for a deletion. */
  @Override
  public Optional<byte[]> content() {
    return content.map(byte[]::clone);
  }
}
