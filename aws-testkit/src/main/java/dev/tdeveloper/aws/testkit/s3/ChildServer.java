package dev.tdeveloper.aws.testkit.s3;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.stream.Stream;

/**
 * A server process on {@code 127.0.0.1} that never outlives this JVM: it runs under a small {@code
 * /bin/sh} wrapper that kills it as soon as its standard input, a pipe from this JVM, reaches
 * end-of-file, which the operating system makes happen when this JVM dies, even by {@code kill -9}.
 * Started on a free port in its own temporary directory, ready once it answers HTTP. Thread-safe:
 * every method is synchronized.
 */
final class ChildServer implements AutoCloseable {
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
  private static final int PORT_ATTEMPTS = 5;

  /** Runs "$0" "$@" without our pipe, kills it once the pipe ends, exits with its status. */
  private static final String WRAPPER =
      "exec 3<&0\n"
          + "\"$0\" \"$@\" </dev/null 3<&- &\n"
          + "r=$!\n"
          + "( cat <&3 >/dev/null; kill $r 2>/dev/null ) </dev/null &\n"
          + "exec 3<&-\n"
          + "wait $r\n";

  private final String name;
  private final Path directory;
  private final Path log;
  private int port;
  private Process process;
  private boolean closed;

  private ChildServer(String name, Path directory) {
    this.name = name;
    this.directory = directory;
    this.log = directory.resolve("server.log");
  }

  /**
   * Starts the command {@code commandForPort} builds for a free port (retrying with another port if
   * the server cannot bind it) and waits until the port answers HTTP.
   *
   * @param name the server's name in messages
   * @param commandForPort the command line for a port; its working directory is {@link #directory}
   * @throws IllegalStateException naming the log if the server does not start
   */
  static ChildServer start(String name, Path directory, IntFunction<List<String>> commandForPort) {
    ChildServer server = new ChildServer(name, directory);
    IllegalStateException last = null;
    for (int attempt = 0; attempt < PORT_ATTEMPTS; attempt++) {
      try {
        server.launch(freePort(), commandForPort);
        return server;
      } catch (IllegalStateException e) {
        last = e;
      }
    }
    server.close();
    throw last;
  }

  /** Returns a new temporary directory named after {@code prefix}. */
  static Path temporaryDirectory(String prefix) {
    try {
      return Files.createTempDirectory(prefix);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary directory " + prefix, e);
    }
  }

  /** Returns a free TCP port on 127.0.0.1 (free when probed; the server may still lose a race). */
  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot find a free port on 127.0.0.1", e);
    }
  }

  /** Returns the server's directory (its data and log live there). */
  Path directory() {
    return directory;
  }

  /** Returns the port the server listens on. */
  synchronized int port() {
    return port;
  }

  /** Returns whether the server process is running. */
  synchronized boolean isRunning() {
    return process != null && process.isAlive();
  }

  private void launch(int onPort, IntFunction<List<String>> commandForPort) {
    List<String> command = new ArrayList<>(List.of("/bin/sh", "-c", WRAPPER));
    command.addAll(commandForPort.apply(onPort));
    Process started;
    try {
      started =
          new ProcessBuilder(command)
              .directory(directory.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
    } catch (IOException e) {
      throw new IllegalStateException("cannot start " + name + ": " + e.getMessage(), e);
    }
    port = onPort;
    process = started;
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    while (!answersHttp(onPort)) {
      if (!started.isAlive() || System.nanoTime() > deadline) {
        String why = started.isAlive() ? " within " + READY_TIMEOUT : " and exited";
        stop();
        throw new IllegalStateException(
            name + " did not answer HTTP on 127.0.0.1:" + onPort + why + "; its log:\n" + tail());
      }
      try {
        // polling a port that has no readiness event to wait on
        Thread.sleep(50);
      } catch (InterruptedException e) {
        stop();
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while starting " + name, e);
      }
    }
  }

  /** Whether something on the port answers an HTTP request with a status line. */
  private static boolean answersHttp(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1_000);
      socket.setSoTimeout(5_000);
      socket
          .getOutputStream()
          .write(
              "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
                  .getBytes(StandardCharsets.US_ASCII));
      byte[] head = new byte[5];
      int read = 0;
      while (read < head.length) {
        int n = socket.getInputStream().read(head, read, head.length - read);
        if (n < 0) {
          return false;
        }
        read += n;
      }
      return new String(head, StandardCharsets.US_ASCII).equals("HTTP/");
    } catch (IOException e) {
      return false;
    }
  }

  /** Stops the server (SIGTERM through the wrapper) and waits until it has exited. */
  synchronized void stop() {
    if (process == null) {
      return;
    }
    Process p = process;
    process = null;
    try {
      p.getOutputStream().close();
    } catch (IOException e) {
      // the wrapper is gone already; the forcible path below makes sure
    }
    try {
      if (!p.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
      }
    } catch (InterruptedException e) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  /** Stops the server for good and removes its directory; idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    stop();
    deleteTree(directory);
  }

  /** Deletes a directory tree, ignoring failures (a leftover temporary directory is harmless). */
  static void deleteTree(Path root) {
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      // harmless
    }
  }

  private String tail() {
    try {
      if (!Files.exists(log)) {
        return "(no log)";
      }
      String text = Files.readString(log, StandardCharsets.UTF_8);
      return text.length() > 8_000 ? text.substring(text.length() - 8_000) : text;
    } catch (IOException e) {
      return "(unreadable log: " + e + ")";
    }
  }
}
