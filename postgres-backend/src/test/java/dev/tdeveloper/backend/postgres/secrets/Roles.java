package dev.tdeveloper.backend.postgres.secrets;

import com.zaxxer.hikari.HikariDataSource;
import dev.tdeveloper.backend.postgres.TestPools;
import dev.tdeveloper.security.secrets.rotation.Credential;
import dev.tdeveloper.tenancy.testkit.servers.LocalPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * Login roles for rotation tests: an administrator with {@code CREATEROLE} (every statement it runs
 * is logged), and application roles it creates, which may read {@code rotation.orders}.
 */
final class Roles {
  static final String ADMIN = "rotation_admin";
  static final String ADMIN_PASSWORD = "rotation-admin-password";

  private Roles() {}

  /** Creates the administrator, the table and {@code roles} (idempotent); returns its pool. */
  static HikariDataSource install(LocalPostgres postgres, String... roles) throws SQLException {
    try (Connection c = postgres.connect(LocalPostgres.DEFAULT_DATABASE);
        Statement s = c.createStatement()) {
      s.execute(
          "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '"
              + ADMIN
              + "') THEN CREATE ROLE "
              + ADMIN
              + " LOGIN CREATEROLE PASSWORD '"
              + ADMIN_PASSWORD
              + "'; END IF; END $$");
      s.execute("ALTER ROLE " + ADMIN + " SET log_statement = 'all'");
      s.execute("CREATE SCHEMA IF NOT EXISTS rotation");
      s.execute("CREATE TABLE IF NOT EXISTS rotation.orders (id int PRIMARY KEY)");
      s.execute("INSERT INTO rotation.orders VALUES (1) ON CONFLICT DO NOTHING");
      s.execute("GRANT USAGE ON SCHEMA rotation TO " + ADMIN + " WITH GRANT OPTION");
      s.execute("GRANT SELECT ON rotation.orders TO " + ADMIN + " WITH GRANT OPTION");
    }
    HikariDataSource admin = TestPools.open(postgres.jdbcUrl(), ADMIN, ADMIN_PASSWORD, 4);
    try (Connection c = admin.getConnection();
        Statement s = c.createStatement()) {
      for (String role : roles) {
        s.execute(
            "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '"
                + role
                + "') THEN CREATE ROLE "
                + role
                + " LOGIN PASSWORD 'initial-"
                + role
                + "'; END IF; END $$");
        s.execute("GRANT USAGE ON SCHEMA rotation TO " + role);
        s.execute("GRANT SELECT ON rotation.orders TO " + role);
      }
    }
    return admin;
  }

  /** Logs in as the application would, and returns who it is and what it reads. */
  static String connectAs(LocalPostgres postgres, Credential credential) throws SQLException {
    Properties login = new Properties();
    login.setProperty("user", credential.user());
    login.setProperty("password", credential.password().stringValue());
    try (Connection c = DriverManager.getConnection(postgres.jdbcUrl(), login);
        Statement s = c.createStatement();
        ResultSet row = s.executeQuery("SELECT current_user, count(*) FROM rotation.orders")) {
      row.next();
      return row.getString(1) + ":" + row.getLong(2);
    }
  }

  /** Returns whether {@code credential} logs in. */
  static boolean logsIn(LocalPostgres postgres, Credential credential) {
    try {
      connectAs(postgres, credential);
      return true;
    } catch (SQLException e) {
      if ("28P01".equals(e.getSQLState())) {
        return false;
      }
      throw new AssertionError("login failed otherwise: SQLSTATE " + e.getSQLState(), e);
    }
  }
}
