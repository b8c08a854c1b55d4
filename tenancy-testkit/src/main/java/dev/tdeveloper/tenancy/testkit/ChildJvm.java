package dev.tdeveloper.tenancy.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM running a {@code main} class on this JVM's class path, for durability tests that kill
 * a process mid-write ({@link #kill()} is {@code kill -9}: no shutdown hooks, no flushing) and then
 * verify and recover what it left on disk. The child talks to the test through lines on its
 * standard output ({@link #nextLine}); its standard error goes to a file quoted in failures.
 *
 * <p>Not thread-safe: drive it from the test thread. Close it (try-with-resources) so a failing
 * test never leaves a child running.
 */
public final class ChildJvm implements AutoCloseable {
  /** The line {@link #nextLine} returns once the child's output has ended: {@value}. */
  public static final String EOF = "\u0000EOF";

  // How long the child may take to die once killed, and its output to end after that.
  private static final long KILL_SECONDS = 30;

  private final Process process;
  private final Path errors;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

  private ChildJvm(Process process, Path errors) {
    this.process = process;
    this.errors = errors;
    Thread reader = new Thread(this::pump, "child-jvm-reader");
    reader.setDaemon(true);
    reader.start();
  }

  /**
   * Starts {@code mainClass} with {@code args} in a new JVM with a small heap and quick start-up
   * flags, writing its standard error to {@code errors}. The JVM's own messages go to standard
   * error too, so standard output carries only the lines the child prints.
   *
   * @throws IOException if the JVM cannot be started
   */
  public static ChildJvm start(Class<?> mainClass, Path errors, String... args) throws IOException {
    Objects.requireNonNull(mainClass, "mainClass");
    Objects.requireNonNull(errors, "errors");
    String java =
        ProcessHandle.current()
            .info()
            .command()
            .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    List<String> command = new ArrayList<>();
    command.add(java);
    command.add("-Xmx64m");
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-XX:+DisplayVMOutputToStderr"); // VM warnings never mix into the protocol lines
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(mainClass.getName());
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectError(errors.toFile()).start();
    return new ChildJvm(process, errors);
  }

  /**
   * For a child's {@code main}: starts a daemon thread that halts this JVM (exit code 3, no
   * shutdown hooks) once its standard input reaches end-of-file. The parent test never writes to a
   * child's input, so end-of-file means the parent is gone; call this first thing in a child main
   * so a child never outlives a crashed or killed test run.
   */
  public static void exitWhenParentGoes() {
    Thread watchdog =
        new Thread(
            () -> {
              try {
                while (System.in.read() >= 0) {
                  // the parent never writes; EOF means it is gone
                }
              } catch (IOException e) {
                // fall through to exit
              }
              Runtime.getRuntime().halt(3);
            },
            "child-jvm-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();
  }

  private void pump() {
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        lines.add(line);
      }
    } catch (IOException e) {
      // the child died mid-line; what was read is queued
    } finally {
      lines.add(EOF);
    }
  }

  /**
   * Returns the child's next output line, {@link #EOF} once (and every time after) its output
   * ended, or throws if none arrives within {@code timeoutSeconds}.
   *
   * @throws AssertionError naming the child's standard error if nothing arrives in time
   */
  public String nextLine(long timeoutSeconds) throws InterruptedException {
    String line = poll(TimeUnit.SECONDS.toNanos(timeoutSeconds));
    if (line == null) {
      throw new AssertionError(
          "child JVM wrote no line within " + timeoutSeconds + " s; " + errorOutput());
    }
    return line;
  }

  /** The next line, null after {@code nanos}; {@link #EOF} stays queued for every later read. */
  private String poll(long nanos) throws InterruptedException {
    String line = lines.poll(nanos, TimeUnit.NANOSECONDS);
    if (EOF.equals(line)) {
      lines.add(EOF);
    }
    return line;
  }

  /**
   * Reads lines until one equals {@code expected}, returning the lines before it.
   *
   * @throws AssertionError if the output ends or stalls first
   */
  public List<String> awaitLine(String expected, long timeoutSeconds) throws InterruptedException {
    List<String> before = new ArrayList<>();
    for (String line = nextLine(timeoutSeconds); !line.equals(expected); ) {
      if (line.equals(EOF)) {
        throw new AssertionError(
            "child JVM ended before writing '" + expected + "'; " + errorOutput());
      }
      before.add(line);
      line = nextLine(timeoutSeconds);
    }
    return before;
  }

  /**
   * Kills the child at once (SIGKILL where the platform has it) and waits for it to be gone, then
   * returns every line it wrote that was not read yet (a last line may be cut short): all of them,
   * up to the end of its output, which a dead child's output reaches at once.
   *
   * @throws AssertionError if the child is not gone within 30 s, or its output has not ended 30 s
   *     after that (then the lines read so far are named: an answer built on them would be short)
   */
  public List<String> kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(KILL_SECONDS, TimeUnit.SECONDS)) {
      throw new AssertionError(
          "child JVM did not die within " + KILL_SECONDS + " s of being killed");
    }
    List<String> rest = new ArrayList<>();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(KILL_SECONDS);
    for (String line = poll(TimeUnit.SECONDS.toNanos(KILL_SECONDS));
        !EOF.equals(line);
        line = poll(Math.max(0, deadline - System.nanoTime()))) {
      if (line == null) {
        throw new AssertionError(
            "the output of the killed child JVM did not end within "
                + KILL_SECONDS
                + " s; lines read after the kill: "
                + rest);
      }
      rest.add(line);
    }
    return rest;
  }

  /** Waits for the child to exit by itself and returns its exit code. */
  public int waitForExit(long timeoutSeconds) throws InterruptedException {
    if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      throw new AssertionError(
          "child JVM still running after " + timeoutSeconds + " s; " + errorOutput());
    }
    return process.exitValue();
  }

  /** Returns the child's standard error so far, for failure messages. */
  public String errorOutput() {
    try {
      return Files.exists(errors) ? "child stderr: " + Files.readString(errors) : "no stderr";
    } catch (IOException e) {
      return "child stderr unreadable: " + e;
    }
  }

  /** Kills the child if it still runs. */
  @Override
  public void close() {
    process.destroyForcibly();
    try {
      process.waitFor(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
