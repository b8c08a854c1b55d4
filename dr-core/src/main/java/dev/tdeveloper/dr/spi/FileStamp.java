package dev.tdeveloper.dr.spi;

import java.time.Instant;
import java.util.Objects;

/**
 * What a POSIX file system records about a file beyond its size and modification time, which an
 * incremental backup also compares before it trusts a file to be unchanged (as restic and borg do):
 * the inode number, new for a file that replaced another (written aside and renamed over it, say),
 * and the status-change time (ctime), which the kernel sets on every write, truncation, rename or
 * time change and which, unlike the modification time ({@code touch -r}), no user can set back.
 * Immutable.
 *
 * @param inode the inode number ({@code unix:ino})
 * @param statusChanged the status-change time ({@code unix:ctime})
 */
public record FileStamp(long inode, Instant statusChanged) {
  /** Checks that the time is given. */
  public FileStamp {
    Objects.requireNonNull(statusChanged, "statusChanged");
  }
}
