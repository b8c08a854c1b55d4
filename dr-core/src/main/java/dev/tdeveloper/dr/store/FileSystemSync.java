package dev.tdeveloper.dr.store;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes everything written to one filesystem durable at once, by running {@code sync -f <path>}
 * (GNU coreutils, which calls {@code syncfs(2)}): one call instead of one {@code fsync} per file is
 * what lets a backup of many small chunks keep up with the disk. Only used on Linux (elsewhere
 * {@code sync} may ignore {@code -f} and return before the data is on the device); once the command
 * fails or times out, {@link #syncAll} answers false for good and callers force file by file. Which
 * way is used is logged once at INFO. Thread-safe.
 */
final class FileSystemSync {
  private static final Logger LOG = LoggerFactory.getLogger(FileSystemSync.class);
  private static final long TIMEOUT_SECONDS = 300;

  /** The command, to which the path is appended: {@code sync -f}. */
  static final List<String> SYNC_F = List.of("sync", "-f");

  private final Path path;
  private final List<String> command;
  private volatile boolean usable;
  private final AtomicBoolean logged = new AtomicBoolean();

  /** Syncs the filesystem of {@code path} with {@code command} (the path appended). */
  FileSystemSync(Path path, List<String> command) {
    this.path = path;
    this.command = new ArrayList<>(command);
    this.command.add(path.toString());
    this.usable = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux");
    if (!usable) {
      logOnce("forces each file ({} is not Linux, so sync -f is not used)", "this system");
    }
  }

  /**
   * Forces everything written so far to the filesystem of the path to the device; returns false if
   * it could not (the caller must then force each file itself).
   *
   * @throws InterruptedIOException if the thread is interrupted while waiting (the interrupt flag
   *     is kept)
   */
  boolean syncAll() throws InterruptedIOException {
    if (!usable) {
      return false;
    }
    String failure;
    try {
      Process process =
          new ProcessBuilder(command)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      boolean exited;
      try {
        exited = process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while running " + String.join(" ", command));
      }
      if (exited && process.exitValue() == 0) {
        logOnce("makes chunks durable with one {} per batch", String.join(" ", command));
        return true;
      }
      if (!exited) {
        process.destroyForcibly();
        failure = "did not finish within " + TIMEOUT_SECONDS + " s";
      } else {
        failure = "exited with " + process.exitValue();
      }
    } catch (IOException e) {
      failure = "could not run: " + e.getMessage();
    }
    usable = false;
    LOG.info(
        "backup store {}: {} {}; forcing each file from now on",
        path,
        String.join(" ", command),
        failure);
    logged.set(true);
    return false;
  }

  private void logOnce(String message, Object argument) {
    if (logged.compareAndSet(false, true)) {
      LOG.info("backup store " + path + " " + message, argument);
    }
  }
}
