package dev.tdeveloper.backend.postgres.ops;

import dev.tdeveloper.backend.postgres.internal.Jdbc;
import dev.tdeveloper.backend.postgres.internal.StateAccess;
import dev.tdeveloper.backend.postgres.internal.StateTable;
import dev.tdeveloper.observability.ObservabilityException;
import dev.tdeveloper.observability.alert.Severity;
import dev.tdeveloper.observability.spi.EscalationState;
import dev.tdeveloper.observability.spi.EscalationStateStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * An {@link EscalationStateStore} in a PostgreSQL table, one row per incident, shared by every
 * escalator on the database. It passes {@code EscalationStateStoreContract}.
 *
 * <p>{@link #save} is one upsert by incident id and {@link #remove} one delete, each committed on
 * its own, so a save is durable when it returns (with {@code synchronous_commit = on}) and a crash
 * during it leaves the old or the new entry. Rows of different incidents never touch each other, so
 * one tenant's incidents cannot overwrite another's. Instants keep their nanoseconds. {@link
 * #install} grants the application role {@code SELECT}, {@code INSERT}, {@code UPDATE} and {@code
 * DELETE} on the table, nothing else.
 *
 * <p>A database failure throws {@link ObservabilityException} naming the table; a failed save
 * leaves the previous entry. Thread-safe.
 */
public final class PostgresEscalationStateStore implements EscalationStateStore {
  /** The default table: {@value}. */
  public static final String DEFAULT_TABLE = "escalation_state";

  private static final String COLUMNS =
      "incident_id, tenant, policy, title, severity, started_at, round, level,"
          + " next_escalation_at, notified, ack_by, ack_at";

  private final StateTable table;
  private final String qualified;
  private final StateAccess access;

  private PostgresEscalationStateStore(
      DataSource dataSource, Optional<AutoCloseable> owned, String table) {
    this.table = StateTable.parse("table", table);
    this.access =
        new StateAccess(
            dataSource,
            owned,
            "escalation state " + this.table.given(),
            ObservabilityException::new);
    this.qualified = this.table.qualified();
  }

  /**
   * Creates the table (and the schema) if missing, and grants {@code applicationRole} {@code
   * SELECT}, {@code INSERT}, {@code UPDATE} and {@code DELETE} on it after revoking everything else
   * from it and from {@code PUBLIC}. Idempotent; run it once per deployment as the role that is to
   * own the table.
   *
   * @param admin connections as the owner
   * @param table the table, optionally schema-qualified; a name of at most 48 characters of {@code
   *     [a-z_][a-z0-9_]*}
   * @param applicationRole the existing role the store connects as
   * @throws IllegalArgumentException if {@code table} or {@code applicationRole} is not such a name
   * @throws ObservabilityException if the database refuses
   */
  public static void install(DataSource admin, String table, String applicationRole) {
    StateTable.install(
        admin,
        table,
        applicationRole,
        PostgresEscalationStateStore::ddl,
        e ->
            new ObservabilityException(
                "could not install escalation state table " + table + ": " + e, e));
  }

  private static List<String> ddl(StateTable resolved, String role) {
    List<String> sql = new ArrayList<>();
    sql.add(
        "CREATE TABLE IF NOT EXISTS "
            + resolved.qualified()
            + " (incident_id text PRIMARY KEY, tenant text, policy text NOT NULL,"
            + " title text NOT NULL, severity text NOT NULL, started_at numeric NOT NULL,"
            + " round integer NOT NULL CHECK (round >= 0),"
            + " level integer NOT NULL CHECK (level >= 0), next_escalation_at numeric,"
            + " notified text[] NOT NULL, ack_by text, ack_at numeric,"
            + " CHECK ((ack_by IS NULL) = (ack_at IS NULL)))");
    sql.add(
        "CREATE INDEX IF NOT EXISTS "
            + resolved.local("_tenant")
            + " ON "
            + resolved.qualified()
            + " (tenant)");
    sql.addAll(StateTable.grants(role, "SELECT, INSERT, UPDATE, DELETE", resolved.qualified()));
    return sql;
  }

  /** Opens the installed table {@value #DEFAULT_TABLE}. */
  public static PostgresEscalationStateStore open(DataSource dataSource) {
    return open(dataSource, DEFAULT_TABLE);
  }

  /**
   * Opens an installed table; nothing connects until first use.
   *
   * @param dataSource connections as the application role; not closed by the store
   * @param table the table given to {@link #install}
   * @throws IllegalArgumentException if {@code table} is not a valid name
   */
  public static PostgresEscalationStateStore open(DataSource dataSource, String table) {
    return new PostgresEscalationStateStore(dataSource, Optional.empty(), table);
  }

  /** For the provider: a store that closes {@code owned} when closed. */
  static PostgresEscalationStateStore owning(
      DataSource dataSource, AutoCloseable owned, String table) {
    return new PostgresEscalationStateStore(dataSource, Optional.of(owned), table);
  }

  /**
   * Checks that the table is installed and usable by this role.
   *
   * @throws ObservabilityException naming {@link #install} if it is not
   */
  public void check() {
    access.runDecoding(
        "check",
        connection -> {
          try (PreparedStatement query =
              connection.prepareStatement(
                  "SELECT has_table_privilege(?, 'SELECT, INSERT, UPDATE, DELETE')")) {
            query.setString(1, qualified);
            try (ResultSet row = query.executeQuery()) {
              row.next();
              if (!row.getBoolean(1)) {
                throw new SQLException(
                    "this role may not read and write the table; install it with"
                        + " PostgresEscalationStateStore.install");
              }
            }
          }
          return null;
        });
  }

  @Override
  public Optional<EscalationState> load(String incidentId) {
    Objects.requireNonNull(incidentId, "incidentId");
    List<EscalationState> found = query(" WHERE incident_id = ?", incidentId);
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  @Override
  public List<EscalationState> loadAll() {
    return query(" ORDER BY incident_id COLLATE \"C\"", null);
  }

  private List<EscalationState> query(String condition, String incidentId) {
    return access.runDecoding(
        "read",
        connection -> {
          List<EscalationState> out = new ArrayList<>();
          try (PreparedStatement query =
              connection.prepareStatement("SELECT " + COLUMNS + " FROM " + qualified + condition)) {
            if (incidentId != null) {
              query.setString(1, incidentId);
            }
            try (ResultSet rows = query.executeQuery()) {
              while (rows.next()) {
                out.add(decode(rows));
              }
            }
          }
          return out;
        });
  }

  private static EscalationState decode(ResultSet row) throws SQLException {
    String ackBy = row.getString(11);
    Optional<EscalationState.Acknowledgement> ack =
        ackBy == null
            ? Optional.empty()
            : Optional.of(
                new EscalationState.Acknowledgement(ackBy, Jdbc.requiredInstant(row, 12)));
    return new EscalationState(
        row.getString(1),
        Optional.ofNullable(row.getString(2)),
        row.getString(3),
        row.getString(4),
        Severity.ofLabel(row.getString(5)),
        Jdbc.requiredInstant(row, 6),
        row.getInt(7),
        row.getInt(8),
        Jdbc.instant(row, 9),
        Set.of((String[]) row.getArray(10).getArray()),
        ack);
  }

  /**
   * {@inheritDoc} One upsert, committed when this returns.
   *
   * @throws ObservabilityException if the database fails; the previous entry stays
   */
  @Override
  public void save(EscalationState state) {
    Objects.requireNonNull(state, "state");
    access.runDecoding(
        "save incident " + state.incidentId() + " in",
        connection -> {
          try (PreparedStatement upsert =
              connection.prepareStatement(
                  "INSERT INTO "
                      + qualified
                      + " ("
                      + COLUMNS
                      + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (incident_id)"
                      + " DO UPDATE SET tenant = excluded.tenant, policy = excluded.policy,"
                      + " title = excluded.title, severity = excluded.severity,"
                      + " started_at = excluded.started_at, round = excluded.round,"
                      + " level = excluded.level,"
                      + " next_escalation_at = excluded.next_escalation_at,"
                      + " notified = excluded.notified, ack_by = excluded.ack_by,"
                      + " ack_at = excluded.ack_at")) {
            upsert.setString(1, state.incidentId());
            Jdbc.setText(upsert, 2, state.tenant());
            upsert.setString(3, state.policy());
            upsert.setString(4, state.title());
            upsert.setString(5, state.severity().label());
            Jdbc.setInstant(upsert, 6, state.startedAt());
            upsert.setInt(7, state.round());
            upsert.setInt(8, state.level());
            Jdbc.setInstant(upsert, 9, state.nextEscalationAt());
            upsert.setArray(10, connection.createArrayOf("text", state.notified().toArray()));
            Jdbc.setText(upsert, 11, state.acknowledgement().map(a -> a.by()));
            Jdbc.setInstant(upsert, 12, state.acknowledgement().map(a -> a.at()));
            upsert.executeUpdate();
          }
          return null;
        });
  }

  @Override
  public void remove(String incidentId) {
    Objects.requireNonNull(incidentId, "incidentId");
    access.runDecoding(
        "remove incident " + incidentId + " from",
        connection -> {
          try (PreparedStatement delete =
              connection.prepareStatement("DELETE FROM " + qualified + " WHERE incident_id = ?")) {
            delete.setString(1, incidentId);
            delete.executeUpdate();
          }
          return null;
        });
  }

  /** Closes the data source if the store owns it; further use throws. Idempotent. */
  @Override
  public void close() {
    access.close();
  }

  @Override
  public String toString() {
    return "PostgresEscalationStateStore[" + table.given() + "]";
  }
}
