package dev.tdeveloper.backend.postgres.ops;

import dev.tdeveloper.backend.postgres.internal.Jdbc;
import dev.tdeveloper.backend.postgres.internal.StateTable;
import dev.tdeveloper.observability.alert.Matcher;
import dev.tdeveloper.observability.alert.Silence;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The tables of {@link PostgresAlertStateStore} and the mapping of a silence to a row. */
final class AlertStateRows {
  private AlertStateRows() {}

  static List<String> ddl(StateTable t, String role) {
    String log = t.qualified("_notifications");
    String silences = t.qualified("_silences");
    List<String> sql = new ArrayList<>();
    sql.add(
        "CREATE TABLE IF NOT EXISTS "
            + log
            + " (group_key text NOT NULL, receiver text NOT NULL, notified_at numeric NOT NULL,"
            + " firing bigint[] NOT NULL, resolved bigint[] NOT NULL,"
            + " PRIMARY KEY (group_key, receiver))");
    sql.add(
        "CREATE INDEX IF NOT EXISTS "
            + t.local("_notifications_at")
            + " ON "
            + log
            + " (notified_at)");
    sql.add(
        "CREATE TABLE IF NOT EXISTS "
            + silences
            + " (id text PRIMARY KEY, position bigint GENERATED ALWAYS AS IDENTITY UNIQUE,"
            + " matcher_names text[] NOT NULL, matcher_types text[] NOT NULL,"
            + " matcher_values text[] NOT NULL, starts_at numeric NOT NULL,"
            + " ends_at numeric NOT NULL CHECK (ends_at > starts_at), created_by text NOT NULL,"
            + " comment text NOT NULL, tenant text)");
    sql.addAll(StateTable.grants(role, "SELECT, INSERT, UPDATE, DELETE", log, silences));
    sql.add(StateTable.identityUsage(role, silences, "position"));
    return sql;
  }

  /** Binds parameters 1 to 9: id, matcher names, types and values, start, end, by, why, tenant. */
  static void bindSilence(Connection connection, PreparedStatement upsert, Silence silence)
      throws SQLException {
    List<Matcher> matchers = silence.matchers();
    upsert.setString(1, silence.id());
    upsert.setArray(
        2, connection.createArrayOf("text", matchers.stream().map(Matcher::name).toArray()));
    upsert.setArray(
        3, connection.createArrayOf("text", matchers.stream().map(m -> m.type().name()).toArray()));
    upsert.setArray(
        4, connection.createArrayOf("text", matchers.stream().map(Matcher::value).toArray()));
    Jdbc.setInstant(upsert, 5, silence.startsAt());
    Jdbc.setInstant(upsert, 6, silence.endsAt());
    upsert.setString(7, silence.createdBy());
    upsert.setString(8, silence.comment());
    Jdbc.setText(upsert, 9, silence.tenant());
  }

  /** Reads a silence from columns 1 to 9, in the order {@link #bindSilence} binds them. */
  static Silence silence(ResultSet rows) throws SQLException {
    String[] names = (String[]) rows.getArray(2).getArray();
    String[] types = (String[]) rows.getArray(3).getArray();
    String[] values = (String[]) rows.getArray(4).getArray();
    List<Matcher> matchers = new ArrayList<>(names.length);
    for (int i = 0; i < names.length; i++) {
      matchers.add(new Matcher(names[i], Matcher.Type.valueOf(types[i]), values[i]));
    }
    return new Silence(
        rows.getString(1),
        matchers,
        Jdbc.requiredInstant(rows, 5),
        Jdbc.requiredInstant(rows, 6),
        rows.getString(7),
        rows.getString(8),
        Optional.ofNullable(rows.getString(9)));
  }
}
