package dev.tdeveloper.dr.backup;

import dev.tdeveloper.dr.spi.FileStamp;
import dev.tdeveloper.dr.spi.SourceEntry;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One file of a backup: where it goes, its size, modification time, stamp (if the source had one)
 * and SHA-256, and the chunks that make it up, in order. Immutable.
 *
 * @param path the relative path, as {@link SourceEntry} allows it
 * @param size the size in bytes: the sum of the chunk sizes
 * @param lastModified when it last changed before the backup
 * @param sha256 the lower-case hex SHA-256 of the whole file
 * @param chunks its chunks in order (none for an empty file)
 * @param stamp the inode and status-change time the source read before the content, if it had them;
 *     a manifest written before stamps were recorded has none
 */
public record BackupFile(
    String path,
    long size,
    Instant lastModified,
    String sha256,
    List<ChunkRef> chunks,
    Optional<FileStamp> stamp) {
  /** A file without a {@link FileStamp}. */
  public BackupFile(
      String path, long size, Instant lastModified, String sha256, List<ChunkRef> chunks) {
    this(path, size, lastModified, sha256, chunks, Optional.empty());
  }

  /** Checks the fields: the path as {@link SourceEntry} does, and the sizes add up. */
  public BackupFile {
    new SourceEntry(path, size, lastModified, stamp);
    ChunkRef.requireChunkId(sha256);
    chunks = List.copyOf(Objects.requireNonNull(chunks, "chunks"));
    long total = 0;
    for (ChunkRef chunk : chunks) {
      total += chunk.size();
    }
    if (total != size) {
      throw new IllegalArgumentException(
          "BackupFile '" + path + "' has size " + size + " but its chunks add up to " + total);
    }
  }
}
