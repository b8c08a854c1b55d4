package dev.tdeveloper.backend.postgres;

import dev.tdeveloper.backend.postgres.internal.Names;
import dev.tdeveloper.tenancy.IsolationMode;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.spi.Checksum;
import dev.tdeveloper.tenancy.spi.DataRecord;
import dev.tdeveloper.tenancy.spi.TenantDataStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * tenancy-core's {@link TenantDataStore} on PostgreSQL: each tenant's records in a table of its
 * storage, reached only through a {@link TenantDataSource}, so every operation is bound to the one
 * tenant it names, in whichever {@link IsolationMode} the data source uses: rows under row-level
 * security (ROW), the tenant's schema (SCHEMA) or the tenant's database (DATABASE). A tenant can be
 * moved between two such stores, or between this one and any other, with tenancy-core's {@code
 * TenantMigrator}.
 *
 * <p>The table is declared with {@link #table(IsolationMode)} among the {@link TenantStorage}'s
 * tables, so provisioning a tenant creates it. Keys are {@code text COLLATE "C"}: the database's
 * order is then the UTF-8 byte order, which is {@link DataRecord#KEY_ORDER} (the database must use
 * the UTF8 encoding, PostgreSQL's usual one). Values are {@code bytea}.
 *
 * <p>Each import is one transaction ({@code INSERT ... ON CONFLICT DO UPDATE}), so a batch is
 * applied whole or not at all and importing it again changes nothing; a deletion is one transaction
 * too. An export page and a checksum each read one consistent snapshot. A tenant without
 * provisioned storage fails with {@link PostgresBackendException} (DATABASE, SCHEMA) or, in ROW
 * mode, has no records and cannot import any.
 *
 * <p>Thread-safe: each call takes its own connection.
 */
public final class PostgresTenantDataStore implements TenantDataStore {
  /** The default table name: {@value}. */
  public static final String DEFAULT_TABLE = "tenant_records";

  private static final int FETCH_SIZE = 1_000;

  private final String name;
  private final TenantDataSource dataSource;
  private final String table;
  private final String exportFirst;
  private final String exportAfter;
  private final String upsert;

  private PostgresTenantDataStore(String name, TenantDataSource dataSource, String table) {
    this.name = name;
    this.dataSource = dataSource;
    this.table = table;
    String quoted = Names.quote(table);
    String columns = "SELECT record_key, record_value FROM " + quoted;
    this.exportFirst = columns + " ORDER BY record_key LIMIT ?";
    this.exportAfter = columns + " WHERE record_key > ? ORDER BY record_key LIMIT ?";
    this.upsert =
        "INSERT INTO "
            + quoted
            + " (record_key, record_value) VALUES (?, ?) ON CONFLICT ("
            + (dataSource.mode() == IsolationMode.ROW ? TenantTable.TENANT_COLUMN + ", " : "")
            + "record_key) DO UPDATE SET record_value = excluded.record_value";
  }

  /**
   * Returns a store over {@code dataSource} in the table {@value #DEFAULT_TABLE}.
   *
   * @param name the store's name, for migrations and messages; not blank
   * @throws IllegalArgumentException if {@code name} is blank
   */
  public static PostgresTenantDataStore of(String name, TenantDataSource dataSource) {
    return of(name, dataSource, DEFAULT_TABLE);
  }

  /**
   * Returns a store over {@code dataSource} in {@code table}, which {@link #table(IsolationMode,
   * String)} declared.
   *
   * @throws IllegalArgumentException if {@code name} is blank or {@code table} is not a lowercase
   *     identifier {@code [a-z_][a-z0-9_]*} of at most 50 characters
   */
  public static PostgresTenantDataStore of(String name, TenantDataSource dataSource, String table) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(dataSource, "dataSource");
    if (name.isBlank()) {
      throw new IllegalArgumentException("name must not be blank");
    }
    TenantTable.of(table, "checked"); // the same name rules as the declaration
    return new PostgresTenantDataStore(name, dataSource, table);
  }

  /** Returns the declaration of the table {@value #DEFAULT_TABLE} for {@code mode}. */
  public static TenantTable table(IsolationMode mode) {
    return table(mode, DEFAULT_TABLE);
  }

  /**
   * Returns the declaration of a record table named {@code name} for {@code mode}: {@code
   * record_key text COLLATE "C"} and {@code record_value bytea}, keyed by the record key (and, in
   * ROW mode, the tenant).
   *
   * @throws IllegalArgumentException if {@code name} is not a valid table name
   */
  public static TenantTable table(IsolationMode mode, String name) {
    Objects.requireNonNull(mode, "mode");
    String key =
        mode == IsolationMode.ROW
            ? "PRIMARY KEY (" + TenantTable.TENANT_COLUMN + ", record_key)"
            : "PRIMARY KEY (record_key)";
    return TenantTable.of(
        name, "record_key text COLLATE \"C\" NOT NULL, record_value bytea NOT NULL, " + key);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public List<DataRecord> export(TenantId tenant, Optional<String> afterKey, int batchSize) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(afterKey, "afterKey");
    if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
      throw new IllegalArgumentException(
          "batchSize must be within 1 and " + MAX_BATCH_SIZE + ", was " + batchSize);
    }
    afterKey.ifPresent(DataRecord::requireValidKey);
    try (Connection connection = transaction(tenant);
        PreparedStatement query =
            connection.prepareStatement(afterKey.isPresent() ? exportAfter : exportFirst)) {
      int parameter = 1;
      if (afterKey.isPresent()) {
        query.setString(parameter++, afterKey.get());
      }
      query.setInt(parameter, batchSize);
      List<DataRecord> page = new ArrayList<>(Math.min(batchSize, 256));
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          page.add(new DataRecord(rows.getString(1), rows.getBytes(2)));
        }
      }
      connection.commit();
      return List.copyOf(page);
    } catch (SQLException e) {
      throw failure("export the records of", tenant, e);
    }
  }

  @Override
  public void importBatch(TenantId tenant, List<DataRecord> records) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(records, "records");
    Set<String> keys = new HashSet<>();
    for (DataRecord record : records) {
      Objects.requireNonNull(record, "record");
      if (!keys.add(record.key())) {
        throw new IllegalArgumentException(
            "records has key '" + record.key() + "' twice; keys in a batch must be unique");
      }
    }
    if (records.isEmpty()) {
      return;
    }
    try (Connection connection = transaction(tenant);
        PreparedStatement insert = connection.prepareStatement(upsert)) {
      for (DataRecord record : records) {
        insert.setString(1, record.key());
        insert.setBytes(2, record.value());
        insert.addBatch();
      }
      insert.executeBatch();
      connection.commit();
    } catch (SQLException e) {
      throw failure("import " + records.size() + " records of", tenant, e);
    }
  }

  @Override
  public Checksum checksum(TenantId tenant) {
    Objects.requireNonNull(tenant, "tenant");
    Checksum.Accumulator accumulator = Checksum.accumulator();
    try (Connection connection = transaction(tenant);
        PreparedStatement query =
            connection.prepareStatement(
                "SELECT record_key, record_value FROM " + Names.quote(table))) {
      query.setFetchSize(FETCH_SIZE); // streamed: the connection is not in autocommit mode
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          accumulator.add(new DataRecord(rows.getString(1), rows.getBytes(2)));
        }
      }
      connection.commit();
      return accumulator.result();
    } catch (SQLException e) {
      throw failure("checksum the records of", tenant, e);
    }
  }

  @Override
  public long deleteAll(TenantId tenant) {
    Objects.requireNonNull(tenant, "tenant");
    try (Connection connection = transaction(tenant);
        PreparedStatement delete =
            connection.prepareStatement("DELETE FROM " + Names.quote(table))) {
      long deleted = delete.executeLargeUpdate();
      connection.commit();
      return deleted;
    } catch (SQLException e) {
      throw failure("delete the records of", tenant, e);
    }
  }

  /** A connection bound to {@code tenant}, in manual-commit mode in every isolation mode. */
  private Connection transaction(TenantId tenant) throws SQLException {
    Connection connection = dataSource.getConnection(tenant);
    try {
      if (connection.getAutoCommit()) {
        connection.setAutoCommit(false); // DATABASE mode hands connections out in autocommit
      }
      return connection;
    } catch (SQLException | RuntimeException e) {
      connection.close();
      throw e;
    }
  }

  private PostgresBackendException failure(String what, TenantId tenant, SQLException e) {
    return new PostgresBackendException(
        "could not "
            + what
            + " tenant '"
            + tenant
            + "' in store "
            + name
            + " (table "
            + table
            + ", "
            + dataSource.mode()
            + " mode): "
            + e.getMessage(),
        e);
  }

  @Override
  public String toString() {
    return "PostgresTenantDataStore[" + name + ", " + dataSource.mode() + ", " + table + "]";
  }
}
