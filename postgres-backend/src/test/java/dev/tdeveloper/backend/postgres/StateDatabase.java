package dev.tdeveloper.backend.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.tdeveloper.tenancy.testkit.servers.LocalPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A database of its own on the test server with an unprivileged application role, for the state
 * stores: {@link #admin()} connects as the superuser (the tables' owner), {@link #app()} and {@link
 * #otherInstance()} as the application role through two separate pools, as two instances would.
 */
public final class StateDatabase implements AutoCloseable {
  private final LocalPostgres postgres;
  private final String database;
  private final String role;
  private final String password = "state-" + UUID.randomUUID();
  private final List<HikariDataSource> pools = new ArrayList<>();
  private final HikariDataSource admin;
  private final HikariDataSource app;
  private final HikariDataSource otherInstance;

  /** Creates database {@code name} and role {@code name_app}. */
  public StateDatabase(LocalPostgres postgres, String name) throws SQLException {
    this.postgres = postgres;
    this.database = name;
    this.role = name + "_app";
    try (Connection connection = postgres.connect(LocalPostgres.DEFAULT_DATABASE);
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + database);
      statement.execute(
          "CREATE ROLE " + role + " LOGIN NOSUPERUSER NOBYPASSRLS PASSWORD '" + password + "'");
    }
    admin = pool("admin", postgres.user(), postgres.password());
    app = pool("app", role, password);
    otherInstance = pool("other", role, password);
  }

  /** Opens another pool as {@code user}. */
  public HikariDataSource pool(String name, String user, String secret) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(postgres.jdbcUrl(database));
    config.setUsername(user);
    config.setPassword(secret);
    config.setMaximumPoolSize(8);
    config.setMinimumIdle(0);
    config.setPoolName(database + "-" + name);
    HikariDataSource pool = new HikariDataSource(config);
    pools.add(pool);
    return pool;
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

  @Override
  public void close() {
    pools.forEach(HikariDataSource::close);
  }
}
