package dev.tdeveloper.backend.postgres.journal;

import dev.tdeveloper.backend.postgres.internal.Jdbc;
import dev.tdeveloper.backend.postgres.internal.StateAccess;
import dev.tdeveloper.backend.postgres.internal.StateTable;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.migration.MigrationJournal;
import dev.tdeveloper.tenancy.migration.MigrationJournalException;
import dev.tdeveloper.tenancy.migration.MigrationState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * A {@link MigrationJournal} in a PostgreSQL table, one row per migration, shared by every instance
 * on the database: the guard that at most one unfinished migration exists per tenant holds across
 * all of them. It passes {@code MigrationJournalContract}.
 *
 * <p><b>Atomic begin.</b> A partial unique index on {@code tenant_id WHERE NOT finished} admits one
 * unfinished migration per tenant. {@link #tryBegin} is one {@code INSERT ... ON CONFLICT DO
 * NOTHING}: of instances beginning migrations of one tenant at once, the database admits exactly
 * one; the others wait for its commit and insert nothing.
 *
 * <p><b>Durability.</b> {@link #tryBegin} and {@link #update} commit before they return; with
 * {@code synchronous_commit = on} the state survives a crash of the process or of the server, and a
 * process killed mid-write leaves the previous state or the new one, never a mix.
 *
 * <p>Instants keep their nanoseconds. {@link #install} grants the application role {@code SELECT},
 * {@code INSERT} and {@code UPDATE}: it cannot delete or truncate the journal. A database failure
 * throws {@link MigrationJournalException} naming the table. Thread-safe.
 */
public final class PostgresMigrationJournal implements MigrationJournal {
  /** The default table: {@value}. */
  public static final String DEFAULT_TABLE = "migration_journal";

  private static final String COLUMNS =
      "id, tenant_id, source, target, source_store, target_store, record_count, checksum_count,"
          + " checksum_sha256, overwrite_target, planned_at, phase, last_copied_key,"
          + " copied_records, updated_at, failure, finished";
  private static final String VALUES = "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?";
  private static final Comparator<MigrationState> OLDEST_PLAN_FIRST =
      Comparator.comparing((MigrationState s) -> s.plan().plannedAt())
          .thenComparing(s -> s.plan().id());

  private final StateTable table;
  private final String qualified;
  private final StateAccess access;

  private PostgresMigrationJournal(DataSource dataSource, String table) {
    this.table = StateTable.parse("table", table);
    this.access =
        new StateAccess(
            dataSource,
            Optional.empty(),
            "migration journal " + this.table.given(),
            MigrationJournalException::new);
    this.qualified = this.table.qualified();
  }

  /**
   * Creates the journal table with its one-unfinished-migration-per-tenant index (and the schema)
   * if missing, and grants {@code applicationRole} {@code SELECT}, {@code INSERT} and {@code
   * UPDATE} on it after revoking everything else from it and from {@code PUBLIC}. Idempotent; run
   * it once per deployment as the role that is to own the table.
   *
   * @param admin connections as the owner
   * @param table the table, optionally schema-qualified; a name of at most 48 characters of {@code
   *     [a-z_][a-z0-9_]*}
   * @param applicationRole the existing role the journal connects as
   * @throws IllegalArgumentException if {@code table} or {@code applicationRole} is not such a name
   * @throws MigrationJournalException if the database refuses
   */
  public static void install(DataSource admin, String table, String applicationRole) {
    StateTable.install(
        admin,
        table,
        applicationRole,
        PostgresMigrationJournal::ddl,
        e ->
            new MigrationJournalException(
                "could not install migration journal " + table + ": " + e, e));
  }

  private static List<String> ddl(StateTable resolved, String role) {
    String q = resolved.qualified();
    List<String> sql = new ArrayList<>();
    sql.add(
        "CREATE TABLE IF NOT EXISTS "
            + q
            + " (id uuid PRIMARY KEY, tenant_id text NOT NULL, source text NOT NULL,"
            + " target text NOT NULL, source_store text NOT NULL,"
            + " target_store text NOT NULL, record_count bigint NOT NULL,"
            + " checksum_count bigint NOT NULL, checksum_sha256 text NOT NULL,"
            + " overwrite_target boolean NOT NULL, planned_at numeric NOT NULL,"
            + " phase text NOT NULL, last_copied_key text,"
            + " copied_records bigint NOT NULL CHECK (copied_records >= 0),"
            + " updated_at numeric NOT NULL, failure text, finished boolean NOT NULL)");
    sql.add(
        "CREATE UNIQUE INDEX IF NOT EXISTS "
            + resolved.local("_one_unfinished")
            + " ON "
            + q
            + " (tenant_id) WHERE NOT finished");
    sql.addAll(StateTable.grants(role, "SELECT, INSERT, UPDATE", q));
    return sql;
  }

  /**
   * Opens an installed journal; nothing connects until first use.
   *
   * @param dataSource connections as the application role; not closed by the journal
   * @param table the table given to {@link #install}
   * @throws IllegalArgumentException if {@code table} is not a valid name
   */
  public static PostgresMigrationJournal open(DataSource dataSource, String table) {
    return new PostgresMigrationJournal(dataSource, table);
  }

  /** Opens the installed journal {@value #DEFAULT_TABLE}. */
  public static PostgresMigrationJournal open(DataSource dataSource) {
    return open(dataSource, DEFAULT_TABLE);
  }

  /**
   * {@inheritDoc} Committed when this returns true.
   *
   * @throws MigrationJournalException if the database fails; nothing changes then
   */
  @Override
  public boolean tryBegin(MigrationState state) {
    Objects.requireNonNull(state, "state");
    UUID id = state.plan().id();
    return access.run(
        "begin migration " + id + " in",
        connection -> {
          try (PreparedStatement insert =
              connection.prepareStatement(
                  "INSERT INTO "
                      + qualified
                      + " ("
                      + COLUMNS
                      + ") SELECT "
                      + VALUES
                      + " WHERE NOT EXISTS (SELECT 1 FROM "
                      + qualified
                      + " WHERE tenant_id = ? AND NOT finished) ON CONFLICT DO NOTHING")) {
            MigrationRows.bind(insert, state);
            insert.setString(18, state.plan().tenant().value());
            if (insert.executeUpdate() == 1) {
              return true;
            }
          }
          if (!select(connection, " WHERE id = ?", id).isEmpty()) {
            throw new IllegalArgumentException(
                "migration " + id + " is already recorded; plan a new one");
          }
          return false;
        });
  }

  /**
   * {@inheritDoc} Committed when this returns.
   *
   * @throws IllegalArgumentException also if the state would leave its tenant with a second
   *     unfinished migration; nothing changes then
   * @throws MigrationJournalException if the database fails; nothing changes then
   */
  @Override
  public void update(MigrationState state) {
    Objects.requireNonNull(state, "state");
    UUID id = state.plan().id();
    access.run(
        "update migration " + id + " in",
        connection -> {
          try (PreparedStatement update =
              connection.prepareStatement(
                  "UPDATE "
                      + qualified
                      + " SET ("
                      + COLUMNS
                      + ") = ("
                      + VALUES
                      + ") WHERE id = ?")) {
            MigrationRows.bind(update, state);
            update.setObject(18, id);
            if (update.executeUpdate() == 0) {
              throw new IllegalArgumentException("unknown migration " + id);
            }
          } catch (SQLException e) {
            if (Jdbc.isUniqueViolation(e)) {
              throw new IllegalArgumentException(
                  "migration "
                      + id
                      + " cannot be "
                      + state.phase()
                      + ": tenant '"
                      + state.plan().tenant()
                      + "' has another unfinished migration",
                  e);
            }
            throw e;
          }
          return null;
        });
  }

  @Override
  public Optional<MigrationState> find(UUID id) {
    Objects.requireNonNull(id, "id");
    List<MigrationState> rows = access.run("read", c -> select(c, " WHERE id = ?", id));
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
  }

  @Override
  public Optional<MigrationState> unfinished(TenantId tenant) {
    Objects.requireNonNull(tenant, "tenant");
    List<MigrationState> rows =
        access.run("read", c -> select(c, " WHERE tenant_id = ? AND NOT finished", tenant.value()));
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
  }

  /** {@inheritDoc} Ties of plan time are ordered by id, as the in-memory journal orders them. */
  @Override
  public List<MigrationState> list() {
    List<MigrationState> all = new ArrayList<>(access.run("read", c -> select(c, "", null)));
    all.sort(OLDEST_PLAN_FIRST);
    return all;
  }

  private List<MigrationState> select(Connection connection, String condition, Object parameter)
      throws SQLException {
    List<MigrationState> out = new ArrayList<>();
    try (PreparedStatement query =
        connection.prepareStatement("SELECT " + COLUMNS + " FROM " + qualified + condition)) {
      if (parameter != null) {
        query.setObject(1, parameter);
      }
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          try {
            out.add(MigrationRows.decode(rows));
          } catch (IllegalArgumentException e) {
            throw new SQLException(
                "a row is not a valid migration state: " + e.getMessage(), "XX001", e);
          }
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
    return "PostgresMigrationJournal[" + table.given() + "]";
  }
}
