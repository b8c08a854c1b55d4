package dev.tdeveloper.tenancy.testkit.servers;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real {@code redis-server} for tests, run as a child process on {@code 127.0.0.1} on a free port
 * in a temporary directory, with persistence off ({@code --save '' --appendonly no}). {@link
 * #shared()} starts one per JVM and stops it when the JVM ends; {@link #startNew()} starts a
 * private one the caller closes, for tests that {@link #stop()} and {@link #start()} the server
 * (the same server on the same port) to see Redis go down in the middle of traffic.
 *
 * <p>The server never outlives the test JVM, even one killed with {@code kill -9}: it runs under a
 * small {@code /bin/sh} wrapper that terminates it as soon as its standard input, a pipe from this
 * JVM, reaches end-of-file, which the operating system makes happen when the JVM dies. A missing
 * {@code redis-server} binary fails with the Debian package to install; tests never skip.
 *
 * <p>Thread-safe: every method is synchronized.
 */
public final class LocalRedis implements AutoCloseable {
  /** The Debian package providing the server: {@value}. */
  public static final String DEBIAN_PACKAGE = "redis-server";

  /**
   * The system property naming the {@code redis-server} binary to run: {@value}; by default the
   * first {@code redis-server} found in {@code /usr/bin}, {@code /usr/local/bin} or on the {@code
   * PATH}.
   */
  public static final String BINARY_PROPERTY = "tdeveloper.redis-server";

  private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
  private static final int PORT_ATTEMPTS = 5;

  /**
   * The wrapper: runs redis-server in the background with fd 3 (our stdin pipe) closed, a watcher
   * that kills it once the pipe ends, and exits with the server's status.
   */
  private static final String WRAPPER =
      "exec 3<&0\n"
          + "\"$0\" \"$@\" </dev/null 3<&- &\n"
          + "r=$!\n"
          + "( cat <&3 >/dev/null; kill $r 2>/dev/null ) </dev/null &\n"
          + "exec 3<&-\n"
          + "wait $r\n";

  private static LocalRedis shared;

  private final Path binary;
  private final Path directory;
  private int port;
  private Process process;
  private boolean closed;

  private LocalRedis(Path binary, Path directory) {
    this.binary = binary;
    this.directory = directory;
  }

  /**
   * Returns this JVM's shared server, starting it on first use; a shutdown hook stops it and
   * removes its directory. Do not stop or close it: tests that stop a server use {@link
   * #startNew()}.
   *
   * @throws IllegalStateException if {@code redis-server} is missing or does not start
   */
  public static synchronized LocalRedis shared() {
    if (shared == null || shared.closed) {
      LocalRedis redis = startNew();
      Runtime.getRuntime().addShutdownHook(new Thread(redis::close, "local-redis-stop"));
      shared = redis;
    }
    return shared;
  }

  /**
   * Starts a new server that the caller closes (try-with-resources).
   *
   * @throws IllegalStateException if {@code redis-server} is missing or does not start
   */
  public static LocalRedis startNew() {
    Path binary = findBinary();
    Path directory;
    try {
      directory = Files.createTempDirectory("local-redis-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a directory for redis-server", e);
    }
    LocalRedis redis = new LocalRedis(binary, directory);
    try {
      redis.startOnFreePort();
    } catch (RuntimeException e) {
      redis.close();
      throw e;
    }
    return redis;
  }

  /** Returns the host the server listens on: {@code 127.0.0.1}. */
  public String host() {
    return "127.0.0.1";
  }

  /** Returns the server's port, the same across {@link #stop()} and {@link #start()}. */
  public synchronized int port() {
    return port;
  }

  /** Returns the server's URI, {@code redis://127.0.0.1:<port>}. */
  public URI uri() {
    return URI.create("redis://" + host() + ":" + port());
  }

  /** Returns whether the server process is running. */
  public synchronized boolean isRunning() {
    return process != null && process.isAlive();
  }

  /**
   * Stops the server (SIGTERM; nothing is saved, so its data is gone) and waits until it has
   * exited; its port stays reserved for {@link #start()}. Does nothing if it is not running.
   */
  public synchronized void stop() {
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
        destroyForcibly(p);
      }
    } catch (InterruptedException e) {
      destroyForcibly(p);
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Starts the stopped server again on the same port, empty, and waits until it answers {@code
   * PING}. Does nothing if it is running.
   *
   * @throws IllegalStateException if it is closed or does not start (for example when another
   *     process took the port meanwhile)
   */
  public synchronized void start() {
    if (closed) {
      throw new IllegalStateException("this local redis-server is closed");
    }
    if (isRunning()) {
      return;
    }
    launch(port);
  }

  /** Stops the server for good and removes its directory. Idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    stop();
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      // a leftover temporary directory is harmless
    }
  }

  @Override
  public String toString() {
    return "LocalRedis[" + uri() + (isRunning() ? ", running" : ", stopped") + "]";
  }

  private synchronized void startOnFreePort() {
    IllegalStateException last = null;
    for (int attempt = 0; attempt < PORT_ATTEMPTS; attempt++) {
      try {
        launch(freePort());
        return;
      } catch (IllegalStateException e) {
        // another process may have taken the port between our probe and the server's bind
        last = e;
      }
    }
    throw last;
  }

  private void launch(int onPort) {
    Path log = directory.resolve("redis.log");
    List<String> command = new ArrayList<>();
    command.add("/bin/sh");
    command.add("-c");
    command.add(WRAPPER);
    command.add(binary.toString());
    command.addAll(
        List.of(
            "--port",
            Integer.toString(onPort),
            "--bind",
            "127.0.0.1",
            "--daemonize",
            "no",
            "--save",
            "",
            "--appendonly",
            "no",
            "--dir",
            directory.toString(),
            "--logfile",
            log.toString()));
    Process started;
    try {
      Files.deleteIfExists(log);
      started =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(directory.resolve("wrapper.out").toFile())
              .start();
    } catch (IOException e) {
      throw new IllegalStateException("cannot start " + binary + ": " + e.getMessage(), e);
    }
    port = onPort;
    process = started;
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    while (!answersPing(onPort)) {
      if (!started.isAlive() || System.nanoTime() > deadline) {
        stop();
        throw new IllegalStateException(
            "redis-server did not answer PING on 127.0.0.1:"
                + onPort
                + (started.isAlive() ? " within " + READY_TIMEOUT : " and exited")
                + "; its log:\n"
                + read(log));
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        stop();
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while starting redis-server", e);
      }
    }
  }

  private static boolean answersPing(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1_000);
      socket.setSoTimeout(1_000);
      OutputStream out = socket.getOutputStream();
      out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      byte[] reply = new byte[7];
      int read = 0;
      while (read < reply.length) {
        int n = in.read(reply, read, reply.length - read);
        if (n < 0) {
          return false;
        }
        read += n;
      }
      return new String(reply, StandardCharsets.US_ASCII).equals("+PONG\r\n");
    } catch (IOException e) {
      return false;
    }
  }

  private static void destroyForcibly(Process p) {
    p.descendants().forEach(ProcessHandle::destroyForcibly);
    p.destroyForcibly();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot find a free port on 127.0.0.1", e);
    }
  }

  private static String read(Path log) {
    try {
      return Files.exists(log) ? Files.readString(log) : "(no log)";
    } catch (IOException e) {
      return "(unreadable log: " + e + ")";
    }
  }

  private static Path findBinary() {
    String configured = System.getProperty(BINARY_PROPERTY);
    if (configured != null) {
      Path path = Path.of(configured);
      if (Files.isExecutable(path)) {
        return path;
      }
      throw new IllegalStateException(
          "-D" + BINARY_PROPERTY + "=" + configured + " is not an executable file");
    }
    List<Path> candidates = new ArrayList<>();
    candidates.add(Path.of("/usr/bin/redis-server"));
    candidates.add(Path.of("/usr/local/bin/redis-server"));
    String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
    for (String dir : path.split(java.io.File.pathSeparator)) {
      if (!dir.isEmpty()) {
        candidates.add(Path.of(dir, "redis-server"));
      }
    }
    for (Path candidate : candidates) {
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "redis-server was not found in /usr/bin, /usr/local/bin or on the PATH; the tests need a"
            + " real Redis 7: install the Debian package '"
            + DEBIAN_PACKAGE
            + "' (sudo apt-get install -y "
            + DEBIAN_PACKAGE
            + ") or set -D"
            + BINARY_PROPERTY
            + "=/path/to/redis-server");
  }
}
