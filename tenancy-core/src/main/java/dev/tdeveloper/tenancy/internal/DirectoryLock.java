package dev.tdeveloper.tenancy.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An exclusive operating-system lock on a file in a store directory, held while the store is open.
 * The operating system releases it when the process dies, so a crash leaves no stale lock.
 *
 * <p>Thread-safe.
 */
public final class DirectoryLock implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DirectoryLock.class);

  private final Path file;
  private final FileChannel channel;
  private final FileLock lock;
  private boolean released;

  private DirectoryLock(Path file, FileChannel channel, FileLock lock) {
    this.file = file;
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Creates {@code directory} if needed and locks the file {@code name} in it.
   *
   * @param what names the store in messages, such as {@code "usage store"}
   * @param failure turns a message (and the I/O error, if any) into the caller's exception
   * @throws RuntimeException from {@code failure} if the lock is held by another process or another
   *     store of this process, or the directory cannot be used
   */
  public static DirectoryLock acquire(
      Path directory,
      String name,
      String what,
      Function<Failure, ? extends RuntimeException> failure) {
    FileChannel channel = null;
    try {
      Files.createDirectories(directory);
      Path file = directory.resolve(name);
      channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        channel.close();
        throw failure.apply(
            new Failure(
                what
                    + " directory "
                    + directory
                    + " is locked: another process, or another store of this process, has it"
                    + " open",
                null));
      }
      return new DirectoryLock(file, channel, lock);
    } catch (IOException e) {
      closeQuietly(channel);
      throw failure.apply(new Failure("cannot lock " + what + " directory " + directory, e));
    }
  }

  /**
   * Why a lock could not be taken.
   *
   * @param message what happened, naming the directory
   * @param cause the I/O error, or null when the lock is simply held elsewhere
   */
  public record Failure(String message, IOException cause) {}

  /** Releases the lock; idempotent. */
  @Override
  public synchronized void close() {
    if (released) {
      return;
    }
    released = true;
    try {
      lock.release();
    } catch (IOException e) {
      LOG.warn("cannot release lock {}", file, e);
    }
    closeQuietly(channel);
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException e) {
        LOG.warn("cannot close a lock file", e);
      }
    }
  }
}
