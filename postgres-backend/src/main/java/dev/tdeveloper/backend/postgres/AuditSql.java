package dev.tdeveloper.backend.postgres;

import dev.tdeveloper.compliance.ComplianceException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The queries and conventions the audit log's append, read and retention paths share: the lock
 * class of the advisory lock that serialises appends and retention, the log's size, its first
 * retained entry, how a read-only transaction ends and how a database failure is reported. One
 * place, so the paths cannot drift apart on what "size" or "retained" means.
 *
 * <p>Stateless and thread-safe.
 */
final class AuditSql {
  /** First key of the transaction-level advisory lock on a log ("tdAU"); the second is its oid. */
  static final int LOCK_CLASS = 0x74644155;

  private AuditSql() {}

  /** Returns the log's size: its largest sequence number plus one, 0 if empty. */
  static long size(Connection connection, AuditTableNames names) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet row =
            statement.executeQuery("SELECT coalesce(max(seq) + 1, 0) FROM " + names.log())) {
      row.next();
      return row.getLong(1);
    }
  }

  /** Returns the first entry whose event retention kept; the log's size if none. */
  static long firstRetained(Connection connection, AuditTableNames names) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet row =
            statement.executeQuery(
                "SELECT coalesce((SELECT min(seq) FROM "
                    + names.log()
                    + " WHERE event IS NOT NULL), (SELECT coalesce(max(seq) + 1, 0) FROM "
                    + names.log()
                    + "))")) {
      row.next();
      return row.getLong(1);
    }
  }

  /** Ends a read: rolls back the transaction the pool may have opened, if any. */
  static void endRead(Connection connection) throws SQLException {
    if (!connection.getAutoCommit()) {
      connection.rollback();
    }
  }

  /** Returns the error for a failed operation ({@code what}, e.g. "read") on the log. */
  static ComplianceException failure(AuditTableNames names, String what, SQLException e) {
    return new ComplianceException("could not " + what + " audit log " + names.log() + ": " + e, e);
  }
}
