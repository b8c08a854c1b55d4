package dev.tdeveloper.backend.postgres;

import dev.tdeveloper.compliance.ComplianceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Retention for the audit log, run as the tables' owner since the application role cannot change a
 * row: sets the events of the oldest entries to null under the log's append lock, so no append
 * interleaves, and keeps leaf hashes, chain values and checkpoints so every proof and signed
 * checkpoint still verifies. The table's {@code only_retention} trigger admits nothing else. {@link
 * PostgresAuditSink#applyRetention} and {@link PostgresAuditSink#removeEventsBefore} delegate here.
 *
 * <p>Stateless and thread-safe.
 */
final class AuditRetention {
  private AuditRetention() {}

  /** See {@link PostgresAuditSink#applyRetention}. */
  static long applyRetention(DataSource admin, String table, Duration maxAge, InstantSource clock) {
    Objects.requireNonNull(maxAge, "maxAge");
    Objects.requireNonNull(clock, "clock");
    if (maxAge.isNegative() || maxAge.isZero()) {
      throw new IllegalArgumentException("maxAge must be positive, was " + maxAge);
    }
    return retain(
        admin,
        table,
        (connection, names, size) -> {
          try (PreparedStatement query =
              connection.prepareStatement(
                  "SELECT coalesce(min(seq), ?) FROM " + names.log() + " WHERE appended_at > ?")) {
            query.setLong(1, size);
            query.setTimestamp(2, Timestamp.from(clock.instant().minus(maxAge)));
            try (ResultSet row = query.executeQuery()) {
              row.next();
              return Math.min(row.getLong(1), Math.max(0, size - 1));
            }
          }
        });
  }

  /** See {@link PostgresAuditSink#removeEventsBefore}. */
  static long removeEventsBefore(DataSource admin, String table, long sequence) {
    return retain(
        admin,
        table,
        (connection, names, size) -> {
          if (sequence < 0 || sequence > size) {
            throw new IllegalArgumentException(
                "retention point must be 0 to " + size + " (the log's size), got " + sequence);
          }
          return sequence;
        });
  }

  /** Chooses the first entry to keep, given the log's size, inside the locked transaction. */
  private interface RetentionPoint {
    long choose(Connection connection, AuditTableNames names, long size) throws SQLException;
  }

  /**
   * Takes the log's append lock, nulls the events before the chosen point and commits; rolls back
   * everything if choosing or updating fails. Returns the first retained entry afterwards.
   */
  private static long retain(DataSource admin, String table, RetentionPoint point) {
    Objects.requireNonNull(admin, "admin");
    AuditTableNames names = AuditTableNames.parse(table);
    try (Connection connection = admin.getConnection()) {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      try {
        try (PreparedStatement lock =
            connection.prepareStatement("SELECT pg_advisory_xact_lock(?, ?::regclass::oid::int)")) {
          lock.setInt(1, AuditSql.LOCK_CLASS);
          lock.setString(2, names.log());
          lock.execute();
        }
        long size = AuditSql.size(connection, names);
        long before = point.choose(connection, names, size);
        try (PreparedStatement update =
            connection.prepareStatement(
                "UPDATE "
                    + names.log()
                    + " SET event = NULL WHERE seq < ? AND event IS NOT NULL")) {
          update.setLong(1, before);
          update.executeUpdate();
        }
        long first = AuditSql.firstRetained(connection, names);
        connection.commit();
        return first;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw new ComplianceException(
          "could not apply retention to audit log " + table + ": " + e.getMessage(), e);
    }
  }
}
