package dev.tdeveloper.tenancy.testkit.servers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL server for tests, from Debian's {@code postgresql} package: a fresh cluster made by
 * {@code initdb} in a temporary directory, run by {@code postgres} as a child process on 127.0.0.1
 * on a free port with {@code fsync=off}, and a superuser with a generated password (SCRAM-SHA-256
 * over TCP). The server is ready when a JDBC connection succeeds, so the PostgreSQL JDBC driver
 * must be on the test class path.
 *
 * <p>PostgreSQL refuses to run as root: when the test JVM runs as root, {@code initdb} and {@code
 * postgres} run as the {@code postgres} system user (through {@code setpriv}) and the directory is
 * handed to it.
 *
 * <p>{@link #shared()} starts one server per JVM, stopped by a shutdown hook; {@link
 * LocalPostgresExtension} hands it to JUnit tests. {@link #start()} starts a private one that the
 * caller closes. Besides the hook, a watchdog process stops the server and removes its directory
 * when the JVM dies without running hooks ({@code kill -9}).
 *
 * <p>A missing binary fails with a message naming the Debian package to install; tests never skip.
 * Thread-safe.
 */
public final class LocalPostgres implements AutoCloseable {
  /** The Debian package that provides the server binaries: {@value}. */
  public static final String DEBIAN_PACKAGE = "postgresql";

  /** The name of the generated superuser: {@value}. */
  public static final String SUPERUSER = "postgres";

  /** The database that exists in every fresh cluster: {@value}. */
  public static final String DEFAULT_DATABASE = "postgres";

  private static final Path DEBIAN_ROOT = Path.of("/usr/lib/postgresql");
  private static final String SYSTEM_USER = "postgres";
  private static final Path SETPRIV = Path.of("/usr/bin/setpriv");
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(15);

  private static final Object SHARED_LOCK = new Object();
  private static LocalPostgres shared;

  private final Path directory;
  private final int port;
  private final String password;
  private final Process server;
  private final Process watchdog;
  private boolean closed;

  private LocalPostgres(
      Path directory, int port, String password, Process server, Process watchdog) {
    this.directory = directory;
    this.port = port;
    this.password = password;
    this.server = server;
    this.watchdog = watchdog;
  }

  /**
   * Returns the server shared by the whole JVM, starting it on first use; it is stopped and its
   * directory removed when the JVM exits.
   *
   * @throws IllegalStateException if the binaries are missing or the server does not start
   */
  public static LocalPostgres shared() {
    synchronized (SHARED_LOCK) {
      if (shared == null || shared.isClosed()) {
        LocalPostgres started = start();
        Runtime.getRuntime()
            .addShutdownHook(new Thread(started::close, "local-postgres-stop-" + started.port));
        shared = started;
      }
      return shared;
    }
  }

  /**
   * Starts a private server; the caller must {@link #close()} it.
   *
   * @throws IllegalStateException if the binaries are missing or the server does not start
   */
  public static LocalPostgres start() {
    Path bin = findBinaries();
    boolean root = runningAsRoot();
    if (root && !Files.isExecutable(SETPRIV)) {
      throw new IllegalStateException(
          "running as root, PostgreSQL must run as the '"
              + SYSTEM_USER
              + "' user through "
              + SETPRIV
              + ": install the Debian package 'util-linux'");
    }
    Path directory = null;
    Process server = null;
    try {
      directory = Files.createTempDirectory("tdeveloper-postgres-");
      Path data = directory.resolve("data");
      Path socket = directory.resolve("socket");
      Files.createDirectories(socket);
      String password = generatePassword();
      Path pwfile = directory.resolve("pwfile");
      Files.writeString(pwfile, password + "\n", StandardCharsets.UTF_8);
      if (root) {
        handToSystemUser(directory, List.of(socket, pwfile));
      }
      run(
          root,
          List.of(
              bin.resolve("initdb").toString(),
              "-D",
              data.toString(),
              "-U",
              SUPERUSER,
              "--pwfile=" + pwfile,
              "--auth=scram-sha-256",
              "--encoding=UTF8",
              "--locale=C.UTF-8",
              "--no-sync"),
          directory.resolve("initdb.log"));
      Files.delete(pwfile);
      int port = freePort();
      server =
          spawn(
              root,
              List.of(
                  bin.resolve("postgres").toString(),
                  "-D",
                  data.toString(),
                  "-k",
                  socket.toString(),
                  "-p",
                  Integer.toString(port),
                  "-c",
                  "listen_addresses=127.0.0.1",
                  "-c",
                  "fsync=off",
                  "-c",
                  "synchronous_commit=off",
                  "-c",
                  "full_page_writes=off",
                  "-c",
                  "max_connections=300"),
              directory.resolve("server.log"));
      Process watchdog = startWatchdog(server.pid(), directory);
      LocalPostgres postgres = new LocalPostgres(directory, port, password, server, watchdog);
      postgres.awaitReady();
      return postgres;
    } catch (IOException e) {
      cleanUp(server, directory);
      throw new IllegalStateException("could not start PostgreSQL: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      cleanUp(server, directory);
      throw e;
    }
  }

  /** Returns the JDBC URL of the default database {@value #DEFAULT_DATABASE}. */
  public String jdbcUrl() {
    return jdbcUrl(DEFAULT_DATABASE);
  }

  /**
   * Returns the JDBC URL of {@code database} on this server.
   *
   * @throws IllegalArgumentException if the name is not a plain identifier {@code [a-z0-9_]+}
   */
  public String jdbcUrl(String database) {
    Objects.requireNonNull(database, "database");
    if (!database.matches("[a-z0-9_]{1,63}")) {
      throw new IllegalArgumentException(
          "database must match [a-z0-9_]{1,63}, was '" + database + "'");
    }
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
  }

  /** Returns the superuser's name, {@value #SUPERUSER}. */
  public String user() {
    return SUPERUSER;
  }

  /** Returns the superuser's generated password. */
  public String password() {
    return password;
  }

  /** Returns the temporary directory holding the cluster, removed by {@link #close()}. */
  public Path directory() {
    return directory;
  }

  /** Returns the process id of the server (the postmaster). */
  public long pid() {
    return server.pid();
  }

  /** Returns the TCP port the server listens on, on 127.0.0.1. */
  public int port() {
    return port;
  }

  /**
   * Opens a connection to {@code database} as the superuser.
   *
   * @throws SQLException if the connection fails
   */
  public Connection connect(String database) throws SQLException {
    return DriverManager.getConnection(jdbcUrl(database), SUPERUSER, password);
  }

  /** Returns whether {@link #close()} has run. */
  public synchronized boolean isClosed() {
    return closed;
  }

  /**
   * Stops the server with a fast shutdown (clients are disconnected), then removes its directory.
   * Closing twice does nothing.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    stop(server);
    watchdog.destroy();
    deleteRecursively(directory);
  }

  @Override
  public String toString() {
    return "LocalPostgres[127.0.0.1:" + port + ", " + directory + "]";
  }

  private void awaitReady() {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    SQLException last = null;
    while (System.nanoTime() < deadline) {
      if (!server.isAlive()) {
        throw new IllegalStateException(
            "PostgreSQL exited with status " + server.exitValue() + " while starting:\n" + log());
      }
      try (Connection ignored = connect(DEFAULT_DATABASE)) {
        return;
      } catch (SQLException e) {
        if ("08001".equals(e.getSQLState()) && e.getMessage().contains("No suitable driver")) {
          throw new IllegalStateException(
              "LocalPostgres needs the PostgreSQL JDBC driver (org.postgresql:postgresql) on the"
                  + " test class path",
              e);
        }
        last = e;
      }
      sleep(100);
    }
    throw new IllegalStateException(
        "PostgreSQL did not accept connections within " + START_TIMEOUT + ":\n" + log(), last);
  }

  private String log() {
    try {
      return Files.readString(directory.resolve("server.log"), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(no server log: " + e.getMessage() + ")";
    }
  }

  /** Finds the newest {@code /usr/lib/postgresql/<version>/bin} holding initdb and postgres. */
  static Path findBinaries() {
    List<Path> candidates = new ArrayList<>();
    if (Files.isDirectory(DEBIAN_ROOT)) {
      try (Stream<Path> versions = Files.list(DEBIAN_ROOT)) {
        versions
            .filter(v -> v.getFileName().toString().matches("\\d+"))
            .sorted(
                Comparator.comparingInt((Path v) -> Integer.parseInt(v.getFileName().toString()))
                    .reversed())
            .map(v -> v.resolve("bin"))
            .filter(b -> Files.isExecutable(b.resolve("initdb")))
            .filter(b -> Files.isExecutable(b.resolve("postgres")))
            .forEach(candidates::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return candidates.stream()
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "PostgreSQL server binaries (initdb, postgres) not found under "
                        + DEBIAN_ROOT
                        + "/<version>/bin: install the Debian package '"
                        + DEBIAN_PACKAGE
                        + "' (apt-get install -y "
                        + DEBIAN_PACKAGE
                        + ")"));
  }

  private static boolean runningAsRoot() {
    try {
      return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
    } catch (IOException | UnsupportedOperationException e) {
      return false;
    }
  }

  private static void handToSystemUser(Path directory, List<Path> inside) throws IOException {
    UserPrincipalLookupService users = directory.getFileSystem().getUserPrincipalLookupService();
    try {
      Files.setOwner(directory, users.lookupPrincipalByName(SYSTEM_USER));
      for (Path path : inside) {
        Files.setOwner(path, users.lookupPrincipalByName(SYSTEM_USER));
      }
    } catch (IOException e) {
      throw new IllegalStateException(
          "running as root, but there is no '"
              + SYSTEM_USER
              + "' system user to run PostgreSQL as: install the Debian package '"
              + DEBIAN_PACKAGE
              + "'",
          e);
    }
    // The directory lies in the temporary directory, which the postgres user can traverse.
    Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
  }

  private static List<String> asSystemUser(boolean root, List<String> command) {
    if (!root) {
      return command;
    }
    List<String> wrapped = new ArrayList<>();
    wrapped.addAll(
        List.of(
            "setpriv", "--reuid=" + SYSTEM_USER, "--regid=" + SYSTEM_USER, "--init-groups", "--"));
    wrapped.addAll(command);
    return wrapped;
  }

  private static void run(boolean root, List<String> command, Path log) throws IOException {
    Process process = spawn(root, command, log);
    try {
      if (!process.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(command.get(0) + " did not finish in " + START_TIMEOUT);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + command.get(0), e);
    }
    if (process.exitValue() != 0) {
      throw new IllegalStateException(
          command.get(0)
              + " failed with status "
              + process.exitValue()
              + ":\n"
              + Files.readString(log, StandardCharsets.UTF_8));
    }
  }

  private static Process spawn(boolean root, List<String> command, Path log) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(asSystemUser(root, command));
    builder.environment().put("LC_ALL", "C.UTF-8");
    builder.redirectErrorStream(true).redirectOutput(log.toFile());
    builder.directory(log.getParent().toFile());
    return builder.start();
  }

  /**
   * Starts a shell that waits for this JVM to die, then stops the server and removes the directory:
   * the clean-up for a JVM killed without running its shutdown hooks.
   */
  private static Process startWatchdog(long serverPid, Path directory) throws IOException {
    long jvm = ProcessHandle.current().pid();
    String script =
        "while kill -0 "
            + jvm
            + " 2>/dev/null; do sleep 1; done; kill -INT "
            + serverPid
            + " 2>/dev/null; i=0; while kill -0 "
            + serverPid
            + " 2>/dev/null && [ $i -lt 100 ]; do sleep 0.1; i=$((i+1)); done; kill -KILL "
            + serverPid
            + " 2>/dev/null; rm -rf '"
            + directory
            + "'";
    ProcessBuilder builder = new ProcessBuilder("/bin/sh", "-c", script);
    builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
    return builder.start();
  }

  private static void stop(Process server) {
    if (!server.isAlive()) {
      return;
    }
    try {
      // SIGINT is PostgreSQL's fast shutdown; Process.destroy() sends SIGTERM, a smart shutdown
      // that waits for every client to disconnect.
      new ProcessBuilder("kill", "-INT", Long.toString(server.pid()))
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .start()
          .waitFor(5, TimeUnit.SECONDS);
      if (!server.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        server.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (IOException e) {
      server.destroyForcibly();
    } catch (InterruptedException e) {
      server.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private static void cleanUp(Process server, Path directory) {
    if (server != null) {
      stop(server);
    }
    if (directory != null) {
      deleteRecursively(directory);
    }
  }

  private static void deleteRecursively(Path directory) {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      paths.sorted(Comparator.reverseOrder()).forEach(LocalPostgres::deleteQuietly);
    } catch (IOException | UncheckedIOException e) {
      // Best effort: a temporary directory left behind is no failure of the test run.
    }
  }

  private static void deleteQuietly(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      // Best effort, see deleteRecursively.
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static String generatePassword() {
    byte[] bytes = new byte[24];
    new SecureRandom().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for PostgreSQL", e);
    }
  }

  /** Returns the server log so far, for diagnosing a failed test. */
  public Optional<String> serverLog() {
    String text = log();
    return text.startsWith("(no server log") ? Optional.empty() : Optional.of(text);
  }
}
