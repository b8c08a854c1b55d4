package dev.tdeveloper.backend.postgres.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Clears what a session can carry from one user of a pooled connection to the next, in one round
 * trip, while keeping the driver's server-prepared statements and the server's cached plans
 * (PL/pgSQL's plan of the tenant guard among them), which {@code DISCARD ALL} would throw away.
 *
 * <p>It is {@code DISCARD ALL} without {@code DEALLOCATE ALL} and {@code DISCARD PLANS}: held
 * cursors are closed, the session authorization and every setting reset (so a session-level {@code
 * SET app.tenant_id} or {@code search_path} is gone), channels unlistened, session advisory locks
 * released, temporary tables (which the application role cannot create anyway) and cached sequence
 * values discarded. Prepared statements that SQL created with {@code PREPARE} are not the driver's:
 * SQL could have planted one under a name the driver uses, so that the next user of the connection
 * ran it. When there is any, the reset runs {@code DEALLOCATE ALL}, which the driver notices and
 * answers by preparing its statements again.
 */
public final class SessionReset {
  /** The reset; its last result is the number of prepared statements created by SQL. */
  static final String RESET =
      "CLOSE ALL; SET SESSION AUTHORIZATION DEFAULT; RESET ALL; UNLISTEN *;"
          + " SELECT pg_advisory_unlock_all(); DISCARD TEMP; DISCARD SEQUENCES;"
          + " SELECT count(*) FROM pg_prepared_statements WHERE from_sql";

  private SessionReset() {}

  /**
   * Ends the current transaction by rolling it back and resets the session; the connection is in
   * autocommit mode afterwards.
   *
   * @throws SQLException if the connection cannot be reset; it must then be evicted from its pool
   */
  public static void rollbackAndReset(Connection connection) throws SQLException {
    if (!connection.getAutoCommit()) {
      connection.rollback();
      connection.setAutoCommit(true);
    }
    try (Statement statement = connection.createStatement()) {
      Object last = null;
      boolean isResult = statement.execute(RESET);
      while (isResult || statement.getUpdateCount() != -1) {
        if (isResult) {
          try (ResultSet rows = statement.getResultSet()) {
            last = rows.next() ? rows.getObject(1) : null;
          }
        }
        isResult = statement.getMoreResults();
      }
      if (!(last instanceof Long fromSql)) {
        throw new SQLException("the session reset did not count the prepared statements");
      }
      if (fromSql > 0) {
        statement.execute("DEALLOCATE ALL");
      }
    }
  }
}
