package dev.tdeveloper.backend.postgres;

import dev.tdeveloper.backend.postgres.internal.Names;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.spi.UsageStore;
import dev.tdeveloper.tenancy.spi.UsageStoreException;
import dev.tdeveloper.tenancy.usage.UsageEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * A {@link UsageStore} in a PostgreSQL table shared by every instance of a service: usage events
 * are rows, replayed in the order of an identity column.
 *
 * <p><b>Idempotency.</b> A unique key on {@code (tenant_id, meter, idempotency_key, event_seconds,
 * event_nanos)} makes the database keep one row per event, so an event retried through two
 * instances, whose meters cannot see each other's keys, is stored and replayed once. The key holds
 * what {@link UsageEvent} defines a retry to be: the same tenant, meter, key and timestamp. An
 * event that repeats a stored one exactly is acknowledged without a second row; one that repeats
 * its key and timestamp with another value or other dimensions is refused with a {@link
 * UsageStoreException}, because it is not the same event.
 *
 * <p>Timestamps keep their nanoseconds (as seconds and nanoseconds since the epoch); the generated
 * column {@code event_time} holds them as a {@code timestamptz} to the second for queries.
 * Dimensions are a {@code jsonb} object.
 *
 * <p>Usage is platform data: give the store a plain {@link DataSource}, not a {@link
 * TenantDataSource}. {@link #createTable()} creates the table when missing. {@link #close()} closes
 * the data source only when the store owns it (one built by {@link PostgresUsageStoreProvider}).
 *
 * <p>Thread-safe.
 */
public final class PostgresUsageStore implements UsageStore {
  /** The default table name: {@value}. */
  public static final String DEFAULT_TABLE = "usage_events";

  private static final int FETCH_SIZE = 1_000;
  private static final String KEY_COLUMNS =
      "tenant_id, meter, idempotency_key, event_seconds, event_nanos";
  private static final String DIMENSIONS =
      " ARRAY(SELECT k FROM jsonb_object_keys(dimensions) k ORDER BY k),"
          + " ARRAY(SELECT dimensions ->> k FROM jsonb_object_keys(dimensions) k ORDER BY k)";

  private final DataSource dataSource;
  private final AutoCloseable owned;
  private final String table;
  private final String insert;
  private final String stored;
  private final AtomicBoolean closed = new AtomicBoolean();

  private PostgresUsageStore(DataSource dataSource, AutoCloseable owned, String table) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.owned = owned;
    this.table = Names.qualifiedTable("table", table);
    this.insert =
        "INSERT INTO "
            + this.table
            + " (tenant_id, meter, value, event_seconds, event_nanos, idempotency_key, dimensions)"
            + " VALUES (?, ?, ?, ?, ?, ?, jsonb_object(?::text[], ?::text[]))"
            + " ON CONFLICT ("
            + KEY_COLUMNS
            + ") DO NOTHING";
    this.stored =
        "SELECT value,"
            + DIMENSIONS
            + " FROM "
            + this.table
            + " WHERE tenant_id = ? AND meter = ? AND idempotency_key = ? AND event_seconds = ?"
            + " AND event_nanos = ?";
  }

  /**
   * Returns a store in table {@value #DEFAULT_TABLE} of the data source's default schema.
   *
   * @param dataSource connections to the database holding the table; not closed by the store
   */
  public static PostgresUsageStore of(DataSource dataSource) {
    return of(dataSource, DEFAULT_TABLE);
  }

  /**
   * Returns a store in {@code table}, optionally schema-qualified ({@code platform.usage}).
   *
   * @param dataSource connections to the database holding the table; not closed by the store
   * @param table lowercase identifiers {@code [a-z_][a-z0-9_]*}, one or two separated by a dot
   * @throws IllegalArgumentException if {@code table} is not such a name
   */
  public static PostgresUsageStore of(DataSource dataSource, String table) {
    return new PostgresUsageStore(dataSource, null, table);
  }

  /** For the provider: a store that closes {@code owned} when closed. */
  static PostgresUsageStore owning(DataSource dataSource, AutoCloseable owned, String table) {
    return new PostgresUsageStore(dataSource, owned, table);
  }

  /**
   * Creates the table (and its schema) if missing.
   *
   * @throws UsageStoreException if the database refuses
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
              + " (seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
              + " tenant_id text NOT NULL, meter text NOT NULL,"
              + " value bigint NOT NULL CHECK (value >= 0),"
              + " event_seconds bigint NOT NULL,"
              + " event_nanos integer NOT NULL CHECK (event_nanos BETWEEN 0 AND 999999999),"
              + " event_time timestamptz GENERATED ALWAYS AS"
              + " (to_timestamp(event_seconds::double precision)) STORED,"
              + " idempotency_key text NOT NULL,"
              + " dimensions jsonb NOT NULL DEFAULT '{}',"
              + " recorded_at timestamptz NOT NULL DEFAULT now(),"
              + " UNIQUE ("
              + KEY_COLUMNS
              + "))");
      commit(connection);
    } catch (SQLException e) {
      throw new UsageStoreException("could not create usage table " + table + ": " + e, e);
    }
  }

  /**
   * {@inheritDoc} Returns once the row is committed. An exact repeat of a stored event is
   * acknowledged and adds no row.
   *
   * @throws UsageStoreException if the database fails, or if an event of the same tenant, meter,
   *     idempotency key and timestamp is stored with another value or other dimensions
   */
  @Override
  public void append(UsageEvent event) {
    Objects.requireNonNull(event, "event");
    requireOpen();
    try (Connection connection = dataSource.getConnection()) {
      int inserted;
      try (PreparedStatement statement = connection.prepareStatement(insert)) {
        statement.setString(1, event.tenant().value());
        statement.setString(2, event.meter());
        statement.setLong(3, event.value());
        statement.setLong(4, event.timestamp().getEpochSecond());
        statement.setInt(5, event.timestamp().getNano());
        statement.setString(6, event.idempotencyKey());
        statement.setArray(
            7, connection.createArrayOf("text", event.dimensions().keySet().toArray()));
        statement.setArray(
            8, connection.createArrayOf("text", event.dimensions().values().toArray()));
        inserted = statement.executeUpdate();
      }
      if (inserted == 0) {
        requireSameAsStored(connection, event);
      }
      commit(connection);
    } catch (SQLException e) {
      throw new UsageStoreException(
          "could not append usage event '"
              + event.idempotencyKey()
              + "' of tenant '"
              + event.tenant()
              + "' to "
              + table
              + ": "
              + e,
          e);
    }
  }

  private void requireSameAsStored(Connection connection, UsageEvent event) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(stored)) {
      query.setString(1, event.tenant().value());
      query.setString(2, event.meter());
      query.setString(3, event.idempotencyKey());
      query.setLong(4, event.timestamp().getEpochSecond());
      query.setInt(5, event.timestamp().getNano());
      try (ResultSet row = query.executeQuery()) {
        if (!row.next()) {
          throw new UsageStoreException(
              "usage event '" + event.idempotencyKey() + "' was neither inserted nor found");
        }
        long value = row.getLong(1);
        Map<String, String> dimensions = dimensions(row, 2);
        if (value != event.value() || !dimensions.equals(event.dimensions())) {
          throw new UsageStoreException(
              "usage event '"
                  + event.idempotencyKey()
                  + "' of tenant '"
                  + event.tenant()
                  + "', meter '"
                  + event.meter()
                  + "' at "
                  + event.timestamp()
                  + " is stored with value "
                  + value
                  + " and dimensions "
                  + dimensions
                  + ", not value "
                  + event.value()
                  + " and dimensions "
                  + event.dimensions()
                  + "; an idempotency key must not be reused for another event");
        }
      }
    }
  }

  /**
   * {@inheritDoc} Reads the table in one transaction, so the replay is a consistent snapshot, in
   * batches of {@value #FETCH_SIZE} rows.
   */
  @Override
  public void replay(Consumer<? super UsageEvent> consumer) {
    Objects.requireNonNull(consumer, "consumer");
    requireOpen();
    try (Connection connection = dataSource.getConnection()) {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      try (Statement statement = connection.createStatement()) {
        statement.setFetchSize(FETCH_SIZE);
        try (ResultSet rows =
            statement.executeQuery(
                "SELECT tenant_id, meter, value, event_seconds, event_nanos, idempotency_key,"
                    + DIMENSIONS
                    + " FROM "
                    + table
                    + " ORDER BY seq")) {
          while (rows.next()) {
            consumer.accept(
                new UsageEvent(
                    TenantId.of(rows.getString(1)),
                    rows.getString(2),
                    rows.getLong(3),
                    Instant.ofEpochSecond(rows.getLong(4), rows.getInt(5)),
                    rows.getString(6),
                    dimensions(rows, 7)));
          }
        }
      } finally {
        connection.rollback();
        connection.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw new UsageStoreException("could not replay usage events from " + table + ": " + e, e);
    } catch (IllegalArgumentException e) {
      throw new UsageStoreException(
          "usage table " + table + " holds an event that is not valid: " + e.getMessage(), e);
    }
  }

  /**
   * Closes the data source if the store owns it. Idempotent.
   *
   * @throws UsageStoreException if the owned data source fails to close
   */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true) && owned != null) {
      try {
        owned.close();
      } catch (Exception e) {
        throw new UsageStoreException("could not close the usage store's data source", e);
      }
    }
  }

  @Override
  public String toString() {
    return "PostgresUsageStore[" + table + "]";
  }

  private void requireOpen() {
    if (closed.get()) {
      throw new IllegalStateException("usage store " + table + " is closed");
    }
  }

  private static void commit(Connection connection) throws SQLException {
    if (!connection.getAutoCommit()) {
      connection.commit();
    }
  }

  private static Map<String, String> dimensions(ResultSet row, int column) throws SQLException {
    String[] keys = (String[]) row.getArray(column).getArray();
    String[] values = (String[]) row.getArray(column + 1).getArray();
    Map<String, String> dimensions = new TreeMap<>();
    for (int i = 0; i < keys.length; i++) {
      dimensions.put(keys[i], values[i]);
    }
    return dimensions;
  }
}
