package dev.tdeveloper.dr.source;

import dev.tdeveloper.dr.backup.BackupManifest;
import dev.tdeveloper.dr.spi.BackupScope;
import dev.tdeveloper.dr.spi.BackupSource;
import dev.tdeveloper.dr.spi.SourceEntry;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Backs up the standard output of a command (a database dump, say) as one file. The output is
 * spooled to a temporary file first (its size must be known before it is handed over), then
 * deleted. A non-zero exit status or a timeout fails the backup with the end of the command's
 * standard error (at most {@value #STDERR_LIMIT} bytes) in the message. Immutable; each read runs
 * the command anew.
 */
public final class CommandOutputSource implements BackupSource {
  /** How much of the command's standard error a failure message quotes: {@value} bytes. */
  public static final int STDERR_LIMIT = 4096;

  private final String name;
  private final BackupScope scope;
  private final List<String> command;
  private final String fileName;
  private final Duration timeout;
  private final InstantSource clock;

  private CommandOutputSource(
      String name,
      BackupScope scope,
      List<String> command,
      String fileName,
      Duration timeout,
      InstantSource clock) {
    this.name = BackupManifest.requireSourceName(name);
    this.scope = Objects.requireNonNull(scope, "scope");
    this.command = List.copyOf(Objects.requireNonNull(command, "command"));
    if (this.command.isEmpty()) {
      throw new IllegalArgumentException("CommandOutputSource.command must not be empty");
    }
    this.fileName =
        new SourceEntry(Objects.requireNonNull(fileName, "fileName"), 0, clock.instant()).path();
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException(
          "CommandOutputSource.timeout must be positive, got " + timeout);
    }
    this.timeout = timeout;
    this.clock = clock;
  }

  /**
   * Returns a source that runs {@code command} and records its output as {@code fileName}, failing
   * if it runs longer than {@code timeout}; the file's modification time is when the command ran.
   *
   * @throws IllegalArgumentException if the name, file name, command or timeout is invalid
   */
  public static CommandOutputSource of(
      String name,
      BackupScope scope,
      List<String> command,
      String fileName,
      Duration timeout,
      InstantSource clock) {
    return new CommandOutputSource(
        name, scope, command, fileName, timeout, Objects.requireNonNull(clock, "clock"));
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public BackupScope scope() {
    return scope;
  }

  @Override
  public void read(EntryConsumer consumer) throws IOException {
    Objects.requireNonNull(consumer, "consumer");
    Path out = Files.createTempFile("dr-" + name + "-", ".out");
    Path err = Files.createTempFile("dr-" + name + "-", ".err");
    try {
      Process process =
          new ProcessBuilder(command)
              .redirectInput(ProcessBuilder.Redirect.from(nullFile()))
              .redirectOutput(out.toFile())
              .redirectError(err.toFile())
              .start();
      boolean exited;
      try {
        exited = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
        throw new IOException("source '" + name + "' was interrupted running " + command, e);
      }
      if (!exited) {
        process.destroyForcibly();
        throw new IOException(
            "source '"
                + name
                + "': "
                + command
                + " ran longer than "
                + timeout
                + "; stderr: "
                + tail(err));
      }
      if (process.exitValue() != 0) {
        throw new IOException(
            "source '"
                + name
                + "': "
                + command
                + " exited with status "
                + process.exitValue()
                + "; stderr: "
                + tail(err));
      }
      SourceEntry entry = new SourceEntry(fileName, Files.size(out), clock.instant());
      try (InputStream in = Files.newInputStream(out)) {
        consumer.accept(entry, in);
      }
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  private static java.io.File nullFile() {
    return new java.io.File(
        System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
  }

  private static String tail(Path err) throws IOException {
    try (RandomAccessFile file = new RandomAccessFile(err.toFile(), "r")) {
      long length = file.length();
      long start = Math.max(0, length - STDERR_LIMIT);
      byte[] bytes = new byte[(int) (length - start)];
      file.seek(start);
      file.readFully(bytes);
      String text = new String(bytes, StandardCharsets.UTF_8).strip();
      return (start > 0 ? "..." : "") + (text.isEmpty() ? "(empty)" : text);
    }
  }
}
