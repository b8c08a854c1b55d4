package dev.tdeveloper.benchmarks.load;

import dev.tdeveloper.tenancy.testkit.servers.LocalPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Restarts a {@link LocalPostgres} the way an operator does, with {@code pg_ctl restart -m fast}
 * (clients disconnected, a shutdown checkpoint, the server started again from the options it ran
 * with, so on the same port and data); as root, {@code pg_ctl} runs as the {@code postgres} user,
 * as {@code LocalPostgres} runs the server. The restarted server is no child of this JVM, so {@link
 * #close()} stops it before the {@code LocalPostgres} is closed. Not thread-safe.
 */
final class PostgresControl implements AutoCloseable {
  private static final Path SETPRIV = Path.of("/usr/bin/setpriv");

  private final LocalPostgres postgres;
  private final Path data;
  private final Path pgCtl;
  private boolean restarted;

  /**
   * Controls {@code postgres}.
   *
   * @throws IOException if its data directory or Debian's {@code pg_ctl} for its version is missing
   */
  PostgresControl(LocalPostgres postgres) throws IOException {
    this.postgres = postgres;
    this.data = postgres.directory().resolve("data");
    String version =
        Files.readString(data.resolve("PG_VERSION"), StandardCharsets.US_ASCII).strip();
    this.pgCtl = Path.of("/usr/lib/postgresql", version, "bin", "pg_ctl");
    if (!Files.isExecutable(pgCtl)) {
      throw new IOException(
          pgCtl + " is missing: install the Debian package '" + LocalPostgres.DEBIAN_PACKAGE + "'");
    }
  }

  /**
   * Restarts the server and waits until it accepts connections.
   *
   * @throws IOException if {@code pg_ctl} fails (the message has its output)
   */
  void restart() throws IOException, InterruptedException {
    restarted = true;
    pgCtl("restart", "-l", postgres.directory().resolve("server-restarted.log").toString());
  }

  /** Stops a server that {@link #restart()} started; the {@code LocalPostgres} does the rest. */
  @Override
  public void close() throws IOException, InterruptedException {
    if (restarted) {
      pgCtl("stop");
    }
  }

  private void pgCtl(String action, String... more) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    if (runningAsRoot()) {
      command.addAll(
          List.of(
              SETPRIV.toString(), "--reuid=postgres", "--regid=postgres", "--init-groups", "--"));
    }
    command.addAll(List.of(pgCtl.toString(), action, "-D", data.toString(), "-m", "fast", "-w"));
    command.addAll(List.of(more));
    Path output = Files.createTempFile("pg-ctl-", ".txt");
    try {
      ProcessBuilder builder =
          new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
      builder.environment().put("LC_ALL", "C.UTF-8");
      Process process = builder.start();
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IOException("pg_ctl " + action + " did not finish in 120 s");
      }
      if (process.exitValue() != 0) {
        throw new IOException(
            "pg_ctl "
                + action
                + " failed with status "
                + process.exitValue()
                + ": "
                + Files.readString(output, StandardCharsets.UTF_8));
      }
    } finally {
      Files.deleteIfExists(output);
    }
  }

  private static boolean runningAsRoot() {
    try {
      return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
    } catch (IOException | UnsupportedOperationException e) {
      return false;
    }
  }
}
