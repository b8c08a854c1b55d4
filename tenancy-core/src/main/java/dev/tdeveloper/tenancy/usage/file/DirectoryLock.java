package dev.tdeveloper.tenancy.usage.file;

import dev.tdeveloper.tenancy.spi.UsageStoreException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An exclusive operating-system lock on a file in a store directory, held while the store is open.
 * The operating system releases it when the process dies, so a crash leaves no stale lock.
 *
 * <p>Thread-safe.
 */
final class DirectoryLock {
  private static final Logger LOG = LoggerFactory.getLogger(FileUsageStore.class);

  private final FileChannel channel;
  private final FileLock lock;
  private boolean released;

  private DirectoryLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Creates {@code directory} if needed and locks {@code name} in it.
   *
   * @throws UsageStoreException if the lock is held by another process or another store of this
   *     process, or the directory cannot be used
   */
  static DirectoryLock acquire(Path directory, String name) {
    FileChannel channel = null;
    try {
      Files.createDirectories(directory);
      channel =
          FileChannel.open(
              directory.resolve(name), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        channel.close();
        throw new UsageStoreException(
            "usage store directory "
                + directory
                + " is locked: another process, or another store of this process, has it open");
      }
      return new DirectoryLock(channel, lock);
    } catch (IOException e) {
      closeQuietly(channel);
      throw new UsageStoreException("cannot lock usage store directory " + directory, e);
    }
  }

  /** Releases the lock; idempotent. */
  synchronized void release() {
    if (released) {
      return;
    }
    released = true;
    try {
      lock.release();
    } catch (IOException e) {
      LOG.warn("cannot release usage store lock {}", lock, e);
    }
    closeQuietly(channel);
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException e) {
        LOG.warn("cannot close usage store lock file", e);
      }
    }
  }
}
