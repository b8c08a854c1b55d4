package dev.tdeveloper.dr.spi;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One file a {@link BackupSource} hands over: its path relative to the source's root ({@code /}
 * separated, no empty, {@code .} or {@code ..} segment, no leading slash), its size, its last
 * modification time and, from a file system that has them, its inode and status-change time.
 * Immutable.
 *
 * @param path the relative path
 * @param size the size in bytes
 * @param lastModified when it last changed (incremental backups skip unchanged files by it)
 * @param stamp the file's inode and status-change time, read before its content, if the source has
 *     them: an incremental backup then also requires them unchanged before it skips the file
 */
public record SourceEntry(String path, long size, Instant lastModified, Optional<FileStamp> stamp) {
  /** An entry without a {@link FileStamp}, as a source that is not a POSIX file has. */
  public SourceEntry(String path, long size, Instant lastModified) {
    this(path, size, lastModified, Optional.empty());
  }

  /** Checks the path and size; see the class description for the rules. */
  public SourceEntry {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(lastModified, "lastModified");
    Objects.requireNonNull(stamp, "stamp");
    if (path.isEmpty() || path.length() > 4096 || path.startsWith("/") || path.endsWith("/")) {
      throw new IllegalArgumentException(
          "SourceEntry.path '"
              + path
              + "' must be 1 to 4096 characters, relative, not ending in /");
    }
    for (String segment : path.split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
        throw new IllegalArgumentException(
            "SourceEntry.path '" + path + "' has an empty, '.' or '..' segment");
      }
    }
    if (path.chars().anyMatch(c -> c == 0 || c == '\\')) {
      throw new IllegalArgumentException(
          "SourceEntry.path '" + path + "' holds a NUL or backslash character");
    }
    if (size < 0) {
      throw new IllegalArgumentException("SourceEntry.size must be >= 0, got " + size);
    }
  }
}
