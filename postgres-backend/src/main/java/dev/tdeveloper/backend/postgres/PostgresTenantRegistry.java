package dev.tdeveloper.backend.postgres;

import dev.tdeveloper.backend.postgres.internal.Names;
import dev.tdeveloper.tenancy.IsolationMode;
import dev.tdeveloper.tenancy.Tenant;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.TenantNotFoundException;
import dev.tdeveloper.tenancy.TenantStatus;
import dev.tdeveloper.tenancy.spi.TenantAlreadyExistsException;
import dev.tdeveloper.tenancy.spi.TenantRegistry;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;

/**
 * A {@link TenantRegistry} in a PostgreSQL table, so every instance of a service sees the same
 * tenants. One row per tenant; attributes are a {@code jsonb} object of strings, so operators can
 * query them in SQL.
 *
 * <p>{@link #update} locks the tenant's row ({@code SELECT ... FOR UPDATE}), applies the change and
 * writes the result in one transaction: concurrent updates of one tenant, from any number of
 * instances, are serialized and none is lost; a change that throws rolls back. The change runs
 * while the row is locked, so it must be short and must not call the registry for the same tenant.
 *
 * <p>The registry is platform data, not tenant data: give it a plain {@link DataSource} (not a
 * {@link TenantDataSource}) whose role may read and write the table. {@link #createTable()} creates
 * the table when it is missing. {@link #close()} closes the data source only when the registry owns
 * it (one built by {@link PostgresTenantRegistryProvider}).
 *
 * <p>Thread-safe.
 */
public final class PostgresTenantRegistry implements TenantRegistry, AutoCloseable {
  /** The default table name: {@value}. */
  public static final String DEFAULT_TABLE = "tenants";

  private static final String COLUMNS =
      "id, display_name, plan, status, home_region, isolation, time_zone,"
          + " ARRAY(SELECT k FROM jsonb_object_keys(attributes) k ORDER BY k),"
          + " ARRAY(SELECT attributes ->> k FROM jsonb_object_keys(attributes) k ORDER BY k)";

  private final DataSource dataSource;
  private final AutoCloseable owned;
  private final String table;

  private PostgresTenantRegistry(DataSource dataSource, AutoCloseable owned, String table) {
    this.dataSource = dataSource;
    this.owned = owned;
    this.table = table;
  }

  /**
   * Returns a registry in table {@value #DEFAULT_TABLE} of the data source's default schema.
   *
   * @param dataSource connections to the database holding the table; not closed by the registry
   */
  public static PostgresTenantRegistry of(DataSource dataSource) {
    return of(dataSource, DEFAULT_TABLE);
  }

  /**
   * Returns a registry in {@code table}, optionally schema-qualified ({@code platform.tenants}).
   *
   * @param dataSource connections to the database holding the table; not closed by the registry
   * @param table lowercase identifiers {@code [a-z_][a-z0-9_]*}, one or two separated by a dot
   * @throws IllegalArgumentException if {@code table} is not such a name
   */
  public static PostgresTenantRegistry of(DataSource dataSource, String table) {
    Objects.requireNonNull(dataSource, "dataSource");
    return new PostgresTenantRegistry(dataSource, null, qualified(table));
  }

  /** For the provider: a registry that closes {@code owned} when closed. */
  static PostgresTenantRegistry owning(DataSource dataSource, AutoCloseable owned, String table) {
    return new PostgresTenantRegistry(dataSource, owned, qualified(table));
  }

  private static String qualified(String table) {
    return Names.qualifiedTable("table", table);
  }

  /**
   * Creates the table (and its schema) if missing.
   *
   * @throws PostgresBackendException if the database refuses
   */
  public void createTable() {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      if (table.contains(".")) {
        statement.execute("CREATE SCHEMA IF NOT EXISTS " + table.substring(0, table.indexOf('.')));
      }
      statement.execute(
          "CREATE TABLE IF NOT EXISTS "
              + table
              + " (id text PRIMARY KEY, display_name text NOT NULL, plan text NOT NULL,"
              + " status text NOT NULL, home_region text NOT NULL, isolation text NOT NULL,"
              + " time_zone text NOT NULL, attributes jsonb NOT NULL DEFAULT '{}',"
              + " created_at timestamptz NOT NULL DEFAULT now(),"
              + " updated_at timestamptz NOT NULL DEFAULT now())");
      if (!connection.getAutoCommit()) {
        connection.commit();
      }
    } catch (SQLException e) {
      throw new PostgresBackendException("could not create tenant table " + table, e);
    }
  }

  @Override
  public Optional<Tenant> find(TenantId id) {
    Objects.requireNonNull(id, "id");
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query =
            connection.prepareStatement("SELECT " + COLUMNS + " FROM " + table + " WHERE id = ?")) {
      query.setString(1, id.value());
      try (ResultSet row = query.executeQuery()) {
        return row.next() ? Optional.of(read(row)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw failure("find tenant '" + id + "'", e);
    }
  }

  @Override
  public Tenant create(Tenant tenant) {
    Objects.requireNonNull(tenant, "tenant");
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO "
                    + table
                    + " (id, display_name, plan, status, home_region, isolation, time_zone,"
                    + " attributes) VALUES (?, ?, ?, ?, ?, ?, ?, jsonb_object(?::text[], ?::text[]))"
                    + " ON CONFLICT (id) DO NOTHING")) {
      bind(connection, insert, tenant);
      int inserted = insert.executeUpdate();
      if (!connection.getAutoCommit()) {
        connection.commit();
      }
      if (inserted == 0) {
        throw new TenantAlreadyExistsException(tenant.id());
      }
      return tenant;
    } catch (SQLException e) {
      throw failure("create tenant '" + tenant.id() + "'", e);
    }
  }

  @Override
  public Tenant update(TenantId id, UnaryOperator<Tenant> change) {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(change, "change");
    try (Connection connection = dataSource.getConnection()) {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      try {
        Tenant next = lockedUpdate(connection, id, change);
        connection.commit();
        return next;
      } catch (SQLException | RuntimeException | Error e) {
        try {
          connection.rollback();
        } catch (SQLException rollback) {
          e.addSuppressed(rollback);
        }
        throw e;
      } finally {
        connection.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw failure("update tenant '" + id + "'", e);
    }
  }

  private Tenant lockedUpdate(Connection connection, TenantId id, UnaryOperator<Tenant> change)
      throws SQLException {
    Tenant current;
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT " + COLUMNS + " FROM " + table + " WHERE id = ? FOR UPDATE")) {
      query.setString(1, id.value());
      try (ResultSet row = query.executeQuery()) {
        if (!row.next()) {
          throw new TenantNotFoundException(id);
        }
        current = read(row);
      }
    }
    Tenant next = TenantRegistry.applyChange(id, current, change);
    try (PreparedStatement write =
        connection.prepareStatement(
            "UPDATE "
                + table
                + " SET id = ?, display_name = ?, plan = ?, status = ?, home_region = ?,"
                + " isolation = ?, time_zone = ?, attributes = jsonb_object(?::text[], ?::text[]),"
                + " updated_at = now() WHERE id = ?")) {
      bind(connection, write, next);
      write.setString(10, id.value());
      write.executeUpdate();
    }
    return next;
  }

  @Override
  public List<Tenant> list() {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT " + COLUMNS + " FROM " + table + " ORDER BY id COLLATE \"C\"")) {
      List<Tenant> tenants = new ArrayList<>();
      while (rows.next()) {
        tenants.add(read(rows));
      }
      return List.copyOf(tenants);
    } catch (SQLException e) {
      throw failure("list tenants", e);
    }
  }

  /** Closes the data source if the registry owns it; otherwise does nothing. */
  @Override
  public void close() {
    if (owned != null) {
      try {
        owned.close();
      } catch (Exception e) {
        throw new PostgresBackendException("could not close the registry's data source", e);
      }
    }
  }

  @Override
  public String toString() {
    return "PostgresTenantRegistry[" + table + "]";
  }

  private static void bind(Connection connection, PreparedStatement statement, Tenant tenant)
      throws SQLException {
    statement.setString(1, tenant.id().value());
    statement.setString(2, tenant.displayName());
    statement.setString(3, tenant.plan());
    statement.setString(4, tenant.status().name());
    statement.setString(5, tenant.homeRegion());
    statement.setString(6, tenant.isolation().name());
    statement.setString(7, tenant.timeZone().getId());
    Array keys = connection.createArrayOf("text", tenant.attributes().keySet().toArray());
    Array values = connection.createArrayOf("text", tenant.attributes().values().toArray());
    statement.setArray(8, keys);
    statement.setArray(9, values);
  }

  private static Tenant read(ResultSet row) throws SQLException {
    String[] keys = (String[]) row.getArray(8).getArray();
    String[] values = (String[]) row.getArray(9).getArray();
    Map<String, String> attributes = new LinkedHashMap<>();
    for (int i = 0; i < keys.length; i++) {
      attributes.put(keys[i], values[i]);
    }
    return new Tenant(
        TenantId.of(row.getString(1)),
        row.getString(2),
        row.getString(3),
        TenantStatus.valueOf(row.getString(4)),
        row.getString(5),
        IsolationMode.valueOf(row.getString(6)),
        ZoneId.of(row.getString(7)),
        attributes);
  }

  private PostgresBackendException failure(String what, SQLException e) {
    return new PostgresBackendException("could not " + what + " in " + table + ": " + e, e);
  }
}
