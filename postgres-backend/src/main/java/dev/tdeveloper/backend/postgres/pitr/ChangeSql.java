package dev.tdeveloper.backend.postgres.pitr;

import dev.tdeveloper.backend.postgres.internal.TableName;
import dev.tdeveloper.dr.spi.BackupScope;
import dev.tdeveloper.dr.spi.ChangeRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The SQL and argument checks of {@link PostgresChangeJournal}. The checks refuse what dr-core's
 * journals refuse, in the same words.
 */
final class ChangeSql {
  private static final Pattern SOURCE = Pattern.compile("[a-z0-9._-]{1,64}");

  private ChangeSql() {}

  static List<String> create(TableName t) {
    List<String> sql = new ArrayList<>();
    t.createSchema().ifPresent(sql::add);
    sql.add(
        "CREATE TABLE IF NOT EXISTS "
            + t.qualified("_scopes")
            + " (scope text PRIMARY KEY, next_seq bigint NOT NULL DEFAULT 0 CHECK (next_seq >= 0),"
            + " last_seconds bigint NOT NULL DEFAULT -31557014167219200,"
            + " last_nanos integer NOT NULL DEFAULT 0)");
    sql.add(
        "CREATE TABLE IF NOT EXISTS "
            + t.qualified()
            + " (scope text NOT NULL, seq bigint NOT NULL CHECK (seq >= 0),"
            + " time_seconds bigint NOT NULL, time_nanos integer NOT NULL,"
            + " source text NOT NULL, path text NOT NULL, content bytea,"
            + " PRIMARY KEY (scope, seq))");
    return sql;
  }

  /** Checks an append's arguments but the time order, and copies the content once. */
  static ChangeRecord check(
      BackupScope scope,
      Instant time,
      String source,
      String path,
      Optional<byte[]> content,
      int maxContentBytes) {
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(source, "source");
    if (!SOURCE.matcher(source).matches()) {
      throw new IllegalArgumentException(
          "source '" + source + "' must be 1 to 64 characters of a-z, 0-9, '.', '_' or '-'");
    }
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(content, "content");
    if (content.isPresent() && content.get().length > maxContentBytes) {
      throw new IllegalArgumentException(
          "content of "
              + path
              + " is "
              + content.get().length
              + " bytes; at most "
              + maxContentBytes
              + " allowed");
    }
    return new ChangeRecord(0, time, source, path, content);
  }

  static void checkTimeOrder(BackupScope scope, Instant time, Instant last) {
    if (time.isBefore(last)) {
      throw new IllegalArgumentException(
          "time "
              + time
              + " is before the last record's time "
              + last
              + " in scope "
              + scope
              + "; times in a scope never go backwards");
    }
  }

  static void checkSequence(String name, long sequence) {
    if (sequence < 0) {
      throw new IllegalArgumentException(name + " must be >= 0, got " + sequence);
    }
  }

  static void checkTruncation(BackupScope scope, long sequence, long next) {
    if (sequence > next) {
      throw new IllegalArgumentException(
          "sequence "
              + sequence
              + " is past scope "
              + scope
              + "'s next sequence "
              + next
              + "; only records already appended can be dropped");
    }
  }

  static void ensureScope(Connection c, TableName t, BackupScope scope) throws SQLException {
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO "
                + t.qualified("_scopes")
                + " (scope) VALUES (?) ON CONFLICT (scope) DO NOTHING")) {
      insert.setString(1, scope.key());
      insert.executeUpdate();
    }
  }

  static String lockScope(TableName t) {
    return "SELECT next_seq, last_seconds, last_nanos FROM "
        + t.qualified("_scopes")
        + " WHERE scope = ? FOR UPDATE";
  }

  static String next(TableName t) {
    return "SELECT next_seq FROM " + t.qualified("_scopes") + " WHERE scope = ?";
  }

  static String delete(TableName t) {
    return "DELETE FROM " + t.qualified() + " WHERE scope = ? AND seq < ?";
  }

  /** Inserts {@code record} and advances the scope past it; the scope's row is locked. */
  static void insert(Connection c, TableName t, BackupScope scope, ChangeRecord record)
      throws SQLException {
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO "
                + t.qualified()
                + " (scope, seq, time_seconds, time_nanos, source, path, content)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      insert.setString(1, scope.key());
      insert.setLong(2, record.sequence());
      insert.setLong(3, record.time().getEpochSecond());
      insert.setInt(4, record.time().getNano());
      insert.setString(5, record.source());
      insert.setString(6, record.path());
      insert.setBytes(7, record.content().orElse(null));
      insert.executeUpdate();
    }
    try (PreparedStatement advance =
        c.prepareStatement(
            "UPDATE "
                + t.qualified("_scopes")
                + " SET next_seq = ?, last_seconds = ?, last_nanos = ? WHERE scope = ?")) {
      advance.setLong(1, record.sequence() + 1);
      advance.setLong(2, record.time().getEpochSecond());
      advance.setInt(3, record.time().getNano());
      advance.setString(4, scope.key());
      advance.executeUpdate();
    }
  }

  /**
   * Reads records {@code from <= seq < end} in order: at most {@code maxRecords}, and stopping
   * after the record that brings the page past {@code maxBytes}.
   */
  static List<ChangeRecord> page(
      Connection c,
      TableName t,
      BackupScope scope,
      long from,
      long end,
      int maxRecords,
      long maxBytes)
      throws SQLException {
    List<ChangeRecord> page = new ArrayList<>();
    try (PreparedStatement query =
        c.prepareStatement(
            "SELECT seq, time_seconds, time_nanos, source, path, content FROM "
                + t.qualified()
                + " WHERE scope = ? AND seq >= ? AND seq < ? ORDER BY seq LIMIT ?")) {
      query.setString(1, scope.key());
      query.setLong(2, from);
      query.setLong(3, end);
      query.setInt(4, maxRecords);
      query.setFetchSize(16);
      long bytes = 0;
      try (ResultSet row = query.executeQuery()) {
        while (bytes <= maxBytes && row.next()) {
          byte[] content = row.getBytes(6);
          bytes += content == null ? 0 : content.length;
          page.add(
              new ChangeRecord(
                  row.getLong(1),
                  Instant.ofEpochSecond(row.getLong(2), row.getInt(3)),
                  row.getString(4),
                  row.getString(5),
                  Optional.ofNullable(content)));
        }
      }
    }
    return page;
  }
}
