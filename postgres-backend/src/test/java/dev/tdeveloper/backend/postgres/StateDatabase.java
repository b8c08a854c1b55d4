package dev.tdeveloper.backend.postgres;

import com.zaxxer.hikari.HikariDataSource;
import dev.tdeveloper.tenancy.testkit.servers.LocalPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A database of its own on the test server with an unprivileged application role, for the state
 * stores: {@link #admin()} connects as the superuser (the tables' owner), {@link #app()} and {@link
 * #otherInstance()} as the application role through two separate pools, as two instances would.
 *
 * <p>A test class registers one next to {@code LocalPostgresExtension}; it is created before the
 * class's first test and its pools are closed after the last:
 *
 * <pre>{@code
 * @RegisterExtension static final StateDatabase db = StateDatabase.named("alert_state");
 * }</pre>
 */
public final class StateDatabase implements BeforeAllCallback, AfterAllCallback {
  private final String database;
  private final String role;
  private final String password = "state-" + UUID.randomUUID();
  private final AtomicInteger tables = new AtomicInteger();
  private volatile LocalPostgres postgres;
  private volatile HikariDataSource admin;
  private volatile HikariDataSource app;
  private volatile HikariDataSource otherInstance;

  private StateDatabase(String name) {
    this.database = name;
    this.role = name + "_app";
  }

  /** Returns the extension that creates database {@code name} and role {@code name_app}. */
  public static StateDatabase named(String name) {
    return new StateDatabase(name);
  }

  @Override
  public void beforeAll(ExtensionContext context) throws SQLException {
    postgres = LocalPostgres.shared();
    try (Connection connection = postgres.connect(LocalPostgres.DEFAULT_DATABASE);
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + database);
      statement.execute(
          "CREATE ROLE " + role + " LOGIN NOSUPERUSER NOBYPASSRLS PASSWORD '" + password + "'");
    }
    admin = pool(postgres.user(), postgres.password());
    app = pool(role, password);
    otherInstance = pool(role, password);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    admin.close();
    app.close();
    otherInstance.close();
  }

  /** Returns a table name not used before in this database: {@code <prefix>_<n>}. */
  public String newTable(String prefix) {
    return prefix + "_" + tables.incrementAndGet();
  }

  private HikariDataSource pool(String user, String secret) {
    return TestPools.open(postgres.jdbcUrl(database), user, secret, 8);
  }

  /** The superuser's pool. */
  public HikariDataSource admin() {
    return admin;
  }

  /** The application role's pool. */
  public HikariDataSource app() {
    return app;
  }

  /** A second pool of the application role: another instance of the service. */
  public HikariDataSource otherInstance() {
    return otherInstance;
  }

  /** The application role's name. */
  public String role() {
    return role;
  }

  /** The application role's password. */
  public String password() {
    return password;
  }

  /** The JDBC URL of the database. */
  public String url() {
    return postgres.jdbcUrl(database);
  }

  /**
   * Returns a state store provider's settings for {@code table}: this database's URL, the
   * application role and its password, and a pool of one connection.
   */
  public Map<String, String> providerSettings(String table) {
    return Map.of(
        "url", url(), "user", role, "password", password, "table", table, "pool-size", "1");
  }

  /** Runs {@code sql} as the superuser and returns the first column of the first row, or null. */
  public Object adminQuery(String sql) throws SQLException {
    try (Connection connection = admin.getConnection();
        Statement statement = connection.createStatement()) {
      if (!statement.execute(sql)) {
        return null;
      }
      try (var rows = statement.getResultSet()) {
        return rows.next() ? rows.getObject(1) : null;
      }
    }
  }

  /** Runs {@code sql} as the application role, outside any store; returns the SQLSTATE or null. */
  public String appStatementState(String sql) {
    try (Connection connection = app.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
      return null;
    } catch (SQLException e) {
      return e.getSQLState();
    }
  }
}
