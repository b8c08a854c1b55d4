package dev.tdeveloper.backend.postgres;

import com.zaxxer.hikari.HikariConfig;
import dev.tdeveloper.tenancy.IsolationMode;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.testkit.servers.LocalPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;

/** A tenant storage and data source for one mode, in a database of their own on the server. */
final class Fixture implements AutoCloseable {
  static final List<TenantTable> TABLES =
      List.of(
          TenantTable.of(
              "items",
              "id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, owner text NOT NULL,"
                  + " note text"));

  final LocalPostgres postgres;
  final IsolationMode mode;
  final String database;
  final String role;
  final String rolePassword = "app-password-" + System.nanoTime();
  final TenantBindingKey key = TenantBindingKey.generate();
  final TenantStorage storage;
  final TenantDataSource dataSource;

  Fixture(LocalPostgres postgres, IsolationMode mode, String name, int poolSize)
      throws SQLException {
    this(postgres, mode, name, poolSize, TABLES);
  }

  Fixture(
      LocalPostgres postgres,
      IsolationMode mode,
      String name,
      int poolSize,
      List<TenantTable> tables)
      throws SQLException {
    this.postgres = postgres;
    this.mode = mode;
    this.database = name + "_" + mode.name().toLowerCase(Locale.ROOT);
    this.role = database + "_app";
    try (Connection admin = postgres.connect(LocalPostgres.DEFAULT_DATABASE);
        Statement statement = admin.createStatement()) {
      statement.execute("CREATE DATABASE " + database);
    }
    TenantStorage.Builder builder =
        TenantStorage.builder()
            .mode(mode)
            .admin(postgres.jdbcUrl(database), postgres.user(), postgres.password())
            .applicationRole(role)
            .namePrefix(database + "_t_")
            .tables(tables);
    if (mode != IsolationMode.DATABASE) {
      builder.bindingKey(key);
    }
    storage = builder.build();
    storage.createApplicationRole(rolePassword);
    storage.install();
    dataSource = dataSource(role, rolePassword, poolSize);
  }

  TenantDataSource dataSource(String user, String password, int poolSize) {
    HikariConfig pool = new HikariConfig();
    pool.setJdbcUrl(postgres.jdbcUrl(database));
    pool.setUsername(user);
    pool.setPassword(password);
    pool.setMaximumPoolSize(poolSize);
    pool.setMinimumIdle(0);
    pool.setPoolName(database);
    TenantDataSourceBuilder builder =
        TenantDataSource.builder().mode(mode).pool(pool).namePrefix(database + "_t_");
    if (mode != IsolationMode.DATABASE) {
      builder.bindingKey(key);
    }
    return builder.build();
  }

  void provision(String... tenants) {
    for (String tenant : tenants) {
      storage.provision(TenantId.of(tenant));
    }
  }

  /** The table as the test refers to it: qualified with the tenant's schema in SCHEMA mode. */
  String items(String tenant) {
    return mode == IsolationMode.SCHEMA
        ? storage.storageName(TenantId.of(tenant)) + ".items"
        : "items";
  }

  @Override
  public void close() {
    dataSource.close();
  }
}
