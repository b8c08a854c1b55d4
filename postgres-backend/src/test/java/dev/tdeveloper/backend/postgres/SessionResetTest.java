package dev.tdeveloper.backend.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.tenancy.IsolationMode;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.testkit.servers.LocalPostgres;
import dev.tdeveloper.tenancy.testkit.servers.LocalPostgresExtension;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What the reset on return clears, on a pool of one connection so that the next user gets the same
 * session: held cursors, listened channels, advisory locks, settings, and prepared statements that
 * SQL planted under the driver's statement names; and what it keeps, the driver's own
 * server-prepared statements.
 */
@ExtendWith(LocalPostgresExtension.class)
class SessionResetTest {
  private static final TenantId ACME = TenantId.of("acme");
  private static final String INSERT = "INSERT INTO items (owner, note) VALUES (?, 'ok')";
  private static int counter;

  private final LocalPostgres postgres;

  SessionResetTest(LocalPostgres postgres) {
    this.postgres = postgres;
  }

  private Fixture fixture(IsolationMode mode) throws SQLException {
    Fixture fixture;
    synchronized (SessionResetTest.class) {
      fixture = new Fixture(postgres, mode, "reset" + (++counter), 1);
    }
    fixture.provision(ACME.value());
    return fixture;
  }

  @ParameterizedTest
  @EnumSource(IsolationMode.class)
  void nextUserGetsACleanSessionAndTheDriversStatements(IsolationMode mode) throws Exception {
    try (Fixture f = fixture(mode)) {
      int pid;
      List<String> driverStatements;
      try (Connection first = f.dataSource.getConnection(ACME)) {
        first.setAutoCommit(false);
        pid = intOf(first, "SELECT pg_backend_pid()");
        for (int i = 0; i < 6; i++) {
          insert(first); // the sixth runs as a server-prepared statement
        }
        first.commit();
        driverStatements = strings(first, "SELECT name FROM pg_prepared_statements");
        assertThat(driverStatements).isNotEmpty();
        plant(first);
        insert(first);
        assertThat(strings(first, "SELECT note FROM items WHERE note <> 'ok'"))
            .as("the planted statement runs in place of the driver's")
            .containsExactly("pwned");
        first.rollback();
        exec(first, "DECLARE held CURSOR WITH HOLD FOR SELECT owner FROM items");
        exec(first, "LISTEN somewhere");
        exec(first, "SELECT pg_advisory_lock(42)");
        exec(first, "SET work_mem = '7MB'");
        first.commit();
      }
      try (Connection next = f.dataSource.getConnection(ACME)) {
        next.setAutoCommit(false);
        assertThat(intOf(next, "SELECT pg_backend_pid()")).isEqualTo(pid);
        insert(next);
        next.commit();
        assertThat(strings(next, "SELECT note FROM items WHERE note <> 'ok'")).isEmpty();
        assertThat(intOf(next, "SELECT count(*) FROM items")).isEqualTo(7);
        assertThat(strings(next, "SELECT name FROM pg_cursors WHERE name <> ''")).isEmpty();
        assertThat(strings(next, "SELECT pg_listening_channels()")).isEmpty();
        assertThat(
                intOf(
                    next,
                    "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"
                        + " AND pid = pg_backend_pid()"))
            .isZero();
        assertThat(strings(next, "SHOW work_mem")).containsExactly("4MB");
        assertThatThrownBy(() -> strings(next, "FETCH ALL FROM held"))
            .isInstanceOf(SQLException.class)
            .hasMessageContaining("does not exist");
      }
    }
  }

  @ParameterizedTest
  @EnumSource(IsolationMode.class)
  void keepsTheDriversPreparedStatementsAcrossCheckouts(IsolationMode mode) throws Exception {
    try (Fixture f = fixture(mode)) {
      List<String> before;
      try (Connection first = f.dataSource.getConnection(ACME)) {
        first.setAutoCommit(false);
        for (int i = 0; i < 6; i++) {
          insert(first);
        }
        first.commit();
        before = strings(first, "SELECT name FROM pg_prepared_statements ORDER BY name");
      }
      try (Connection next = f.dataSource.getConnection(ACME)) {
        assertThat(strings(next, "SELECT name FROM pg_prepared_statements ORDER BY name"))
            .containsAll(before);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(IsolationMode.class)
  void temporaryTablesCannotShadowTenantTables(IsolationMode mode) throws Exception {
    try (Fixture f = fixture(mode);
        Connection acme = f.dataSource.getConnection(ACME)) {
      assertThatThrownBy(() -> exec(acme, "CREATE TEMP TABLE items (owner text, note text)"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("permission denied");
    }
  }

  /** Replaces the driver's one-string statements with one that writes a 'pwned' row. */
  private static void plant(Connection c) throws SQLException {
    for (String name :
        strings(
            c,
            "SELECT name FROM pg_prepared_statements WHERE NOT from_sql"
                + " AND parameter_types = '{character varying}'::regtype[]")) {
      exec(c, "DEALLOCATE \"" + name + "\"");
      exec(
          c,
          "PREPARE \""
              + name
              + "\"(character varying) AS INSERT INTO items (owner, note) VALUES ($1, 'pwned')");
    }
  }

  private static void insert(Connection c) throws SQLException {
    try (PreparedStatement insert = c.prepareStatement(INSERT)) {
      insert.setString(1, ACME.value());
      insert.executeUpdate();
    }
  }

  private static void exec(Connection c, String sql) throws SQLException {
    try (Statement statement = c.createStatement()) {
      statement.execute(sql);
    }
  }

  private static int intOf(Connection c, String sql) throws SQLException {
    return Integer.parseInt(strings(c, sql).get(0));
  }

  private static List<String> strings(Connection c, String sql) throws SQLException {
    List<String> values = new ArrayList<>();
    try (Statement statement = c.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        values.add(rows.getString(1));
      }
    }
    return values;
  }
}
