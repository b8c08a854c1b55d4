package dev.tdeveloper.backend.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.tenancy.testkit.ChildJvm;
import dev.tdeveloper.tenancy.testkit.servers.LocalPostgres;
import dev.tdeveloper.tenancy.testkit.servers.LocalPostgresExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(LocalPostgresExtension.class)
class LocalPostgresTest {

  private static String show(Connection connection, String setting) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("SHOW " + setting)) {
      row.next();
      return row.getString(1);
    }
  }

  @Test
  void sharedServerIsOneInstanceOnLoopbackWithoutFsync(LocalPostgres postgres) throws Exception {
    assertThat(LocalPostgres.shared()).isSameAs(postgres);
    try (Connection connection = postgres.connect(LocalPostgres.DEFAULT_DATABASE)) {
      assertThat(show(connection, "listen_addresses")).isEqualTo("127.0.0.1");
      assertThat(show(connection, "fsync")).isEqualTo("off");
      assertThat(show(connection, "port")).isEqualTo(Integer.toString(postgres.port()));
    }
    assertThat(postgres.jdbcUrl())
        .isEqualTo("jdbc:postgresql://127.0.0.1:" + postgres.port() + "/postgres");
  }

  @Test
  void acceptsTheGeneratedPasswordOnly(LocalPostgres postgres) {
    assertThat(postgres.password()).hasSize(48);
    assertThatThrownBy(
            () -> DriverManager.getConnection(postgres.jdbcUrl(), postgres.user(), "wrong"))
        .isInstanceOf(SQLException.class)
        .extracting(e -> ((SQLException) e).getSQLState())
        .isEqualTo("28P01");
  }

  @Test
  void rejectsDatabaseNamesThatAreNotPlainIdentifiers(LocalPostgres postgres) {
    assertThatThrownBy(() -> postgres.jdbcUrl("x?user=evil"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[a-z0-9_]{1,63}");
  }

  @Test
  void closeStopsThePrivateServerAndRemovesItsDirectory() throws Exception {
    LocalPostgres server = LocalPostgres.start();
    Path directory = server.directory();
    long pid = server.pid();
    try (Connection connection = server.connect(LocalPostgres.DEFAULT_DATABASE)) {
      assertThat(connection.isValid(5)).isTrue();
    }
    server.close();
    server.close();
    assertThat(server.isClosed()).isTrue();
    assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).isNotEqualTo(Optional.of(true));
    assertThat(directory).doesNotExist();
    assertThatThrownBy(() -> server.connect(LocalPostgres.DEFAULT_DATABASE))
        .isInstanceOf(SQLException.class);
  }

  @Test
  void serverDiesWithAJvmKilledWithoutShutdownHooks(@TempDir Path temp) throws Exception {
    try (ChildJvm child = ChildJvm.start(StartAndWait.class, temp.resolve("child.err"))) {
      String line = child.nextLine(90);
      assertThat(line).as(child.errorOutput()).startsWith("started ");
      String[] parts = line.split(" ");
      long pid = Long.parseLong(parts[1]);
      Path directory = Path.of(parts[2]);
      assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).contains(true);
      child.kill();
      Optional<ProcessHandle> serverProcess = ProcessHandle.of(pid);
      if (serverProcess.isPresent()) {
        serverProcess.get().onExit().get(30, TimeUnit.SECONDS);
      }
      awaitDeleted(directory);
      assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).isNotEqualTo(Optional.of(true));
      assertThat(directory).doesNotExist();
    }
  }

  /** Waits (bounded) for the watchdog to remove {@code directory}, woken by deletion events. */
  private static void awaitDeleted(Path directory) throws Exception {
    Path parent = directory.getParent();
    try (WatchService watcher = parent.getFileSystem().newWatchService()) {
      parent.register(watcher, StandardWatchEventKinds.ENTRY_DELETE);
      while (Files.exists(directory)) {
        WatchKey key = watcher.poll(30, TimeUnit.SECONDS);
        if (key == null) {
          return; // the assertion below reports it
        }
        key.pollEvents();
        key.reset();
      }
    }
  }

  /** Child JVM: starts a private server, reports it, then waits to be killed. */
  static final class StartAndWait {
    private StartAndWait() {}

    public static void main(String[] args) throws Exception {
      ChildJvm.exitWhenParentGoes();
      LocalPostgres server = LocalPostgres.start();
      System.out.println("started " + server.pid() + " " + server.directory());
      System.out.flush();
      new CountDownLatch(1).await(); // until killed
    }
  }
}
