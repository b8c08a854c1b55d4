package dev.tdeveloper.backend.postgres.ops;

import dev.tdeveloper.backend.postgres.internal.Jdbc;
import dev.tdeveloper.backend.postgres.internal.StateAccess;
import dev.tdeveloper.backend.postgres.internal.StateTable;
import dev.tdeveloper.observability.alert.NotificationLogEntry;
import dev.tdeveloper.observability.alert.Silence;
import dev.tdeveloper.observability.spi.AlertStateStore;
import dev.tdeveloper.observability.spi.AlertStateStoreException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * An {@link AlertStateStore} in two PostgreSQL tables shared by every router on the database:
 * {@code <table>_notifications} (one row per group key and receiver) and {@code <table>_silences}
 * (one row per silence id, in the order first saved). It passes {@code AlertStateStoreContract}.
 *
 * <p><b>Concurrent routers.</b> {@link #recordNotifications} upserts the entries in one
 * transaction, in key order (so two writers never deadlock), and an entry only replaces a stored
 * one that is not newer: a router that was slow to write cannot roll the log back to an older
 * notification. An {@code AlertRouter} reads the log when it is built and then keeps its own copy,
 * so a router started (or restarted) on the database does not repeat what any router notified
 * within repeat_interval; two routers running at the same time on the same alerts each decide from
 * their own copy, so run one active router per alert stream (a {@code JobLease} can elect it).
 *
 * <p><b>Durability.</b> Each write commits its own transaction; with {@code synchronous_commit =
 * on} it is on disk when the call returns. Instants keep their nanoseconds. {@link #install} grants
 * the application role {@code SELECT}, {@code INSERT}, {@code UPDATE} and {@code DELETE} (for
 * {@link #prune}) on the two tables, nothing else.
 *
 * <p>A database failure throws {@link AlertStateStoreException} naming the table. Thread-safe.
 */
public final class PostgresAlertStateStore implements AlertStateStore {
  /** The default table prefix: {@value}. */
  public static final String DEFAULT_TABLE = "alert_state";

  private final StateTable table;
  private final String notifications;
  private final String silences;
  private final StateAccess access;

  private PostgresAlertStateStore(
      DataSource dataSource, Optional<AutoCloseable> owned, String table) {
    this.table = StateTable.parse("table", table);
    this.access =
        new StateAccess(
            dataSource, owned, "alert state " + this.table.given(), AlertStateStoreException::new);
    this.notifications = this.table.qualified("_notifications");
    this.silences = this.table.qualified("_silences");
  }

  /**
   * Creates {@code <table>_notifications} and {@code <table>_silences} (and the schema) if missing,
   * and grants {@code applicationRole} {@code SELECT}, {@code INSERT}, {@code UPDATE} and {@code
   * DELETE} on them after revoking everything else from it and from {@code PUBLIC}. Idempotent; run
   * it once per deployment as the role that is to own the tables.
   *
   * @param admin connections as the owner
   * @param table the table prefix, optionally schema-qualified; a name of at most 48 characters of
   *     {@code [a-z_][a-z0-9_]*}
   * @param applicationRole the existing role the store connects as
   * @throws IllegalArgumentException if {@code table} or {@code applicationRole} is not such a name
   * @throws AlertStateStoreException if the database refuses
   */
  public static void install(DataSource admin, String table, String applicationRole) {
    StateTable.install(
        admin,
        table,
        applicationRole,
        AlertStateRows::ddl,
        e -> new AlertStateStoreException("could not install alert state " + table + ": " + e, e));
  }

  /** Opens the installed tables {@value #DEFAULT_TABLE}{@code _*}. */
  public static PostgresAlertStateStore open(DataSource dataSource) {
    return open(dataSource, DEFAULT_TABLE);
  }

  /**
   * Opens installed tables; nothing connects until first use.
   *
   * @param dataSource connections as the application role; not closed by the store
   * @param table the prefix given to {@link #install}
   * @throws IllegalArgumentException if {@code table} is not a valid name
   */
  public static PostgresAlertStateStore open(DataSource dataSource, String table) {
    return new PostgresAlertStateStore(dataSource, Optional.empty(), table);
  }

  /** For the provider: a store that closes {@code owned} when closed. */
  static PostgresAlertStateStore owning(DataSource dataSource, AutoCloseable owned, String table) {
    return new PostgresAlertStateStore(dataSource, Optional.of(owned), table);
  }

  /**
   * Checks that both tables are installed and usable by this role.
   *
   * @throws AlertStateStoreException naming {@link #install} if they are not
   */
  public void check() {
    access.runDecoding(
        "check",
        connection -> {
          try (PreparedStatement query =
              connection.prepareStatement(
                  "SELECT has_table_privilege(?, 'SELECT, INSERT, UPDATE, DELETE')"
                      + " AND has_table_privilege(?, 'SELECT, INSERT, UPDATE, DELETE')")) {
            query.setString(1, notifications);
            query.setString(2, silences);
            try (ResultSet row = query.executeQuery()) {
              row.next();
              if (!row.getBoolean(1)) {
                throw new SQLException(
                    "this role may not read and write both tables; install them with"
                        + " PostgresAlertStateStore.install");
              }
            }
          }
          return null;
        });
  }

  @Override
  public List<NotificationLogEntry> notificationLog() {
    return access.runDecoding(
        "read the notification log of",
        connection -> {
          List<NotificationLogEntry> log = new ArrayList<>();
          try (PreparedStatement query =
                  connection.prepareStatement(
                      "SELECT group_key, receiver, notified_at, firing, resolved FROM "
                          + notifications
                          + " ORDER BY group_key, receiver");
              ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
              log.add(
                  new NotificationLogEntry(
                      rows.getString(1),
                      rows.getString(2),
                      Jdbc.requiredInstant(rows, 3),
                      Set.of((Long[]) rows.getArray(4).getArray()),
                      Set.of((Long[]) rows.getArray(5).getArray())));
            }
          }
          return log;
        });
  }

  /**
   * {@inheritDoc} All in one transaction; an entry replaces a stored one of the same key only if
   * the stored one was not notified later. Of several entries of one key, the last counts.
   *
   * @throws AlertStateStoreException if the database fails; nothing is recorded then
   */
  @Override
  public void recordNotifications(Collection<NotificationLogEntry> entries) {
    Objects.requireNonNull(entries, "entries");
    Map<NotificationLogEntry.Key, NotificationLogEntry> last = new LinkedHashMap<>();
    for (NotificationLogEntry entry : entries) {
      last.put(Objects.requireNonNull(entry, "entry").key(), entry);
    }
    if (last.isEmpty()) {
      return;
    }
    List<NotificationLogEntry> sorted = new ArrayList<>(last.values());
    sorted.sort(
        Comparator.comparing(NotificationLogEntry::groupKey)
            .thenComparing(NotificationLogEntry::receiver));
    access.runDecoding(
        "record notifications in",
        connection -> {
          try (PreparedStatement upsert =
              connection.prepareStatement(
                  "INSERT INTO "
                      + notifications
                      + " AS e (group_key, receiver, notified_at, firing, resolved)"
                      + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (group_key, receiver) DO UPDATE"
                      + " SET notified_at = excluded.notified_at, firing = excluded.firing,"
                      + " resolved = excluded.resolved"
                      + " WHERE e.notified_at <= excluded.notified_at")) {
            for (NotificationLogEntry entry : sorted) {
              upsert.setString(1, entry.groupKey());
              upsert.setString(2, entry.receiver());
              Jdbc.setInstant(upsert, 3, entry.at());
              upsert.setArray(4, connection.createArrayOf("bigint", entry.firing().toArray()));
              upsert.setArray(5, connection.createArrayOf("bigint", entry.resolved().toArray()));
              upsert.addBatch();
            }
            upsert.executeBatch();
          }
          return null;
        });
  }

  @Override
  public List<Silence> silences() {
    return access.runDecoding(
        "read the silences of",
        connection -> {
          List<Silence> out = new ArrayList<>();
          try (PreparedStatement query =
                  connection.prepareStatement(
                      "SELECT id, matcher_names, matcher_types, matcher_values, starts_at,"
                          + " ends_at, created_by, comment, tenant FROM "
                          + silences
                          + " ORDER BY position");
              ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
              out.add(AlertStateRows.silence(rows));
            }
          }
          return out;
        });
  }

  @Override
  public void saveSilence(Silence silence) {
    Objects.requireNonNull(silence, "silence");
    access.runDecoding(
        "save silence " + silence.id() + " in",
        connection -> {
          try (PreparedStatement upsert =
              connection.prepareStatement(
                  "INSERT INTO "
                      + silences
                      + " (id, matcher_names, matcher_types, matcher_values, starts_at, ends_at,"
                      + " created_by, comment, tenant) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                      + " ON CONFLICT (id) DO UPDATE SET matcher_names = excluded.matcher_names,"
                      + " matcher_types = excluded.matcher_types,"
                      + " matcher_values = excluded.matcher_values,"
                      + " starts_at = excluded.starts_at, ends_at = excluded.ends_at,"
                      + " created_by = excluded.created_by, comment = excluded.comment,"
                      + " tenant = excluded.tenant")) {
            AlertStateRows.bindSilence(connection, upsert, silence);
            upsert.executeUpdate();
          }
          return null;
        });
  }

  /**
   * {@inheritDoc} Both deletions commit together.
   *
   * @throws AlertStateStoreException if the database fails; nothing is deleted then
   */
  @Override
  public void prune(Instant cutoff) {
    Objects.requireNonNull(cutoff, "cutoff");
    access.runDecoding(
        "prune",
        connection -> {
          for (String sql :
              List.of(
                  "DELETE FROM " + notifications + " WHERE notified_at < ?",
                  "DELETE FROM " + silences + " WHERE ends_at < ?")) {
            try (PreparedStatement delete = connection.prepareStatement(sql)) {
              Jdbc.setInstant(delete, 1, cutoff);
              delete.executeUpdate();
            }
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
    return "PostgresAlertStateStore[" + table.given() + "]";
  }
}
