package dev.tdeveloper.backend.postgres.journal;

import dev.tdeveloper.backend.postgres.internal.StateAccess;
import dev.tdeveloper.backend.postgres.internal.StateTable;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.spi.ProvisioningJournal;
import dev.tdeveloper.tenancy.spi.ProvisioningJournalException;
import dev.tdeveloper.tenancy.spi.SagaRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * A {@link ProvisioningJournal} in a PostgreSQL table, one row per saga holding its latest record,
 * shared by every instance on the database, so an instance can resume the sagas another one left
 * unfinished when it crashed. It passes {@code ProvisioningJournalContract}.
 *
 * <p><b>Atomic replace.</b> {@link #record} runs in one transaction: it inserts a new saga, or
 * locks the saga's row ({@code SELECT ... FOR UPDATE}), checks that the record belongs to the same
 * saga (tenant, operation, steps, start) and that the saga is not terminal, and replaces it. Two
 * instances recording the same saga are serialized by the row lock; a refused record changes
 * nothing.
 *
 * <p><b>Durability.</b> A record is committed when {@link #record} returns; with {@code
 * synchronous_commit = on} it survives a crash of the process or of the server. A process killed
 * mid-write leaves the previous record (the transaction never committed) or the new one.
 *
 * <p>Sagas are ordered by start time, then by when they were first recorded (an identity column).
 * {@link #install} grants the application role {@code SELECT}, {@code INSERT} and {@code UPDATE}:
 * it cannot delete or truncate the journal. A database failure throws {@link
 * ProvisioningJournalException} naming the table. Thread-safe.
 */
public final class PostgresProvisioningJournal implements ProvisioningJournal {
  /** The default table: {@value}. */
  public static final String DEFAULT_TABLE = "provisioning_journal";

  private static final String COLUMNS =
      "saga_id, operation, tenant_id, steps, completed, active_step, state, data_keys,"
          + " data_values, reason, failed_step, failure, compensation_failures, started_at,"
          + " updated_at, terminal";

  private final StateTable table;
  private final String qualified;
  private final StateAccess access;

  private PostgresProvisioningJournal(DataSource dataSource, String table) {
    this.table = StateTable.parse("table", table);
    this.access =
        new StateAccess(
            dataSource,
            Optional.empty(),
            "provisioning journal " + this.table.given(),
            ProvisioningJournalException::new);
    this.qualified = this.table.qualified();
  }

  /**
   * Creates the journal table (and the schema) if missing, and grants {@code applicationRole}
   * {@code SELECT}, {@code INSERT} and {@code UPDATE} on it (and {@code USAGE} on its identity
   * sequence) after revoking everything else from it and from {@code PUBLIC}. Idempotent; run it
   * once per deployment as the role that is to own the table.
   *
   * @param admin connections as the owner
   * @param table the table, optionally schema-qualified; a name of at most 48 characters of {@code
   *     [a-z_][a-z0-9_]*}
   * @param applicationRole the existing role the journal connects as
   * @throws IllegalArgumentException if {@code table} or {@code applicationRole} is not such a name
   * @throws ProvisioningJournalException if the database refuses
   */
  public static void install(DataSource admin, String table, String applicationRole) {
    StateTable.install(
        admin,
        table,
        applicationRole,
        PostgresProvisioningJournal::ddl,
        e ->
            new ProvisioningJournalException(
                "could not install provisioning journal " + table + ": " + e, e));
  }

  private static List<String> ddl(StateTable resolved, String role) {
    String q = resolved.qualified();
    List<String> sql = new ArrayList<>();
    sql.add(
        "CREATE TABLE IF NOT EXISTS "
            + q
            + " (saga_id text PRIMARY KEY,"
            + " position bigint GENERATED ALWAYS AS IDENTITY UNIQUE,"
            + " operation text NOT NULL, tenant_id text NOT NULL, steps text[] NOT NULL,"
            + " completed integer NOT NULL, active_step text, state text NOT NULL,"
            + " data_keys text[] NOT NULL, data_values text[] NOT NULL, reason text,"
            + " failed_step text, failure text, compensation_failures text[] NOT NULL,"
            + " started_at numeric NOT NULL, updated_at numeric NOT NULL,"
            + " terminal boolean NOT NULL)");
    sql.add(
        "CREATE INDEX IF NOT EXISTS "
            + resolved.local("_tenant")
            + " ON "
            + q
            + " (tenant_id, started_at, position)");
    sql.add(
        "CREATE INDEX IF NOT EXISTS "
            + resolved.local("_incomplete")
            + " ON "
            + q
            + " (started_at, position) WHERE NOT terminal");
    sql.addAll(StateTable.grants(role, "SELECT, INSERT, UPDATE", q));
    sql.add(StateTable.identityUsage(role, q, "position"));
    return sql;
  }

  /**
   * Opens an installed journal; nothing connects until first use.
   *
   * @param dataSource connections as the application role; not closed by the journal
   * @param table the table given to {@link #install}
   * @throws IllegalArgumentException if {@code table} is not a valid name
   */
  public static PostgresProvisioningJournal open(DataSource dataSource, String table) {
    return new PostgresProvisioningJournal(dataSource, table);
  }

  /** Opens the installed journal {@value #DEFAULT_TABLE}. */
  public static PostgresProvisioningJournal open(DataSource dataSource) {
    return open(dataSource, DEFAULT_TABLE);
  }

  /**
   * {@inheritDoc} Committed when this returns.
   *
   * @throws ProvisioningJournalException if the database fails; nothing changes then
   */
  @Override
  public void record(SagaRecord record) {
    Objects.requireNonNull(record, "record");
    access.run(
        "record saga " + record.sagaId() + " in",
        connection -> {
          try (PreparedStatement insert =
              connection.prepareStatement(
                  "INSERT INTO "
                      + qualified
                      + " ("
                      + COLUMNS
                      + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                      + " ON CONFLICT (saga_id) DO NOTHING")) {
            SagaRows.bind(connection, insert, record);
            if (insert.executeUpdate() == 1) {
              return null;
            }
          }
          SagaRows.checkReplace(locked(connection, record.sagaId()), record);
          try (PreparedStatement update =
              connection.prepareStatement(
                  "UPDATE "
                      + qualified
                      + " SET ("
                      + COLUMNS
                      + ") = (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) WHERE saga_id = ?")) {
            SagaRows.bind(connection, update, record);
            update.setString(17, record.sagaId());
            update.executeUpdate();
          }
          return null;
        });
  }

  private SagaRecord locked(Connection connection, String sagaId) throws SQLException {
    List<SagaRecord> rows = select(connection, " WHERE saga_id = ? FOR UPDATE", sagaId);
    if (rows.isEmpty()) {
      throw new SQLException("saga " + sagaId + " was neither inserted nor found", "40001");
    }
    return rows.get(0);
  }

  @Override
  public Optional<SagaRecord> find(String sagaId) {
    Objects.requireNonNull(sagaId, "sagaId");
    List<SagaRecord> rows = access.run("read", c -> select(c, " WHERE saga_id = ?", sagaId));
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
  }

  @Override
  public List<SagaRecord> incomplete() {
    return access.run(
        "read", c -> select(c, " WHERE NOT terminal ORDER BY started_at, position", null));
  }

  @Override
  public List<SagaRecord> forTenant(TenantId tenantId) {
    Objects.requireNonNull(tenantId, "tenantId");
    return access.run(
        "read",
        c -> select(c, " WHERE tenant_id = ? ORDER BY started_at, position", tenantId.value()));
  }

  private List<SagaRecord> select(Connection connection, String condition, String parameter)
      throws SQLException {
    List<SagaRecord> out = new ArrayList<>();
    try (PreparedStatement query =
        connection.prepareStatement("SELECT " + COLUMNS + " FROM " + qualified + condition)) {
      if (parameter != null) {
        query.setString(1, parameter);
      }
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          out.add(SagaRows.decode(rows));
        }
      }
    }
    return out;
  }

  /** Marks the journal closed; the data source stays the caller's. Idempotent. */
  @Override
  public void close() {
    access.close();
  }

  @Override
  public String toString() {
    return "PostgresProvisioningJournal[" + table.given() + "]";
  }
}
