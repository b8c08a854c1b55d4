package dev.tdeveloper.backend.postgres;

import dev.tdeveloper.compliance.ComplianceException;
import dev.tdeveloper.compliance.spi.AuditRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * The read path of {@link PostgresAuditSink}: the log's size and first retained entry, ranges of
 * records or leaf hashes, and the stored checkpoints. A range is read in one transaction, streamed
 * a thousand rows at a time, and checked to be complete, so a missing row is reported instead of
 * silently shortening what a verifier sees. The sink checks that it is open first.
 *
 * <p>Immutable and thread-safe.
 */
final class AuditReader {
  /** Rows fetched per round trip while streaming a range. */
  private static final int FETCH_SIZE = 1_000;

  private final DataSource dataSource;
  private final AuditTableNames names;

  AuditReader(DataSource dataSource, AuditTableNames names) {
    this.dataSource = dataSource;
    this.names = names;
  }

  /** See {@link PostgresAuditSink#size()}. */
  long size() {
    try (Connection connection = dataSource.getConnection()) {
      long size = AuditSql.size(connection, names);
      AuditSql.endRead(connection);
      return size;
    } catch (SQLException e) {
      throw AuditSql.failure(names, "read the size of", e);
    }
  }

  /** See {@link PostgresAuditSink#firstRetained()}. */
  long firstRetained() {
    try (Connection connection = dataSource.getConnection()) {
      long first = AuditSql.firstRetained(connection, names);
      AuditSql.endRead(connection);
      return first;
    } catch (SQLException e) {
      throw AuditSql.failure(names, "read the first retained entry of", e);
    }
  }

  /** See {@link PostgresAuditSink#read}. */
  void read(long from, long to, Consumer<AuditRecord> consumer) {
    scan(
        from,
        to,
        true,
        "seq, event, leaf_hash, chain",
        row -> {
          byte[] chain = row.getBytes(4);
          consumer.accept(
              chain == null
                  ? AuditRecord.of(row.getLong(1), row.getBytes(2), row.getBytes(3))
                  : AuditRecord.keyed(row.getLong(1), row.getBytes(2), row.getBytes(3), chain));
        });
  }

  /** See {@link PostgresAuditSink#readLeafHashes}. */
  void readLeafHashes(long from, long to, Consumer<byte[]> consumer) {
    scan(from, to, false, "seq, leaf_hash", row -> consumer.accept(row.getBytes(2)));
  }

  /** See {@link PostgresAuditSink#checkpoints()}. */
  List<String> checkpoints() {
    try (Connection connection = dataSource.getConnection()) {
      List<String> notes = new ArrayList<>();
      try (Statement statement = connection.createStatement();
          ResultSet rows =
              statement.executeQuery("SELECT note FROM " + names.checkpoints() + " ORDER BY id")) {
        while (rows.next()) {
          notes.add(rows.getString(1));
        }
      }
      AuditSql.endRead(connection);
      return List.copyOf(notes);
    } catch (SQLException e) {
      throw AuditSql.failure(names, "read the checkpoints of", e);
    }
  }

  private interface RowReader {
    void read(ResultSet row) throws SQLException;
  }

  /**
   * Streams {@code columns} of entries [from, to) to {@code reader}, the first column being {@code
   * seq}; {@code events} limits the range to the retained entries.
   */
  private void scan(long from, long to, boolean events, String columns, RowReader reader) {
    try (Connection connection = dataSource.getConnection()) {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      try {
        long size = AuditSql.size(connection, names);
        long first = events ? AuditSql.firstRetained(connection, names) : 0;
        if (from < first || from > to || to > size) {
          throw new IllegalArgumentException(
              "cannot read entries ["
                  + from
                  + ", "
                  + to
                  + ") of "
                  + names.log()
                  + (events ? ": the retained entries are [" : ": the entries are [")
                  + first
                  + ", "
                  + size
                  + ")");
        }
        try (PreparedStatement query =
            connection.prepareStatement(
                "SELECT "
                    + columns
                    + " FROM "
                    + names.log()
                    + " WHERE seq >= ? AND seq < ? ORDER BY seq")) {
          query.setFetchSize(FETCH_SIZE);
          query.setLong(1, from);
          query.setLong(2, to);
          long expected = from;
          try (ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
              requireEntry(expected, rows.getLong(1));
              reader.read(rows);
              expected++;
            }
          }
          requireEntry(expected, to);
        }
      } finally {
        connection.rollback();
        connection.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw AuditSql.failure(names, "read", e);
    }
  }

  private void requireEntry(long expected, long found) {
    if (found != expected) {
      throw new ComplianceException(
          "audit log "
              + names.log()
              + " lacks entry "
              + expected
              + " (next stored: "
              + found
              + ")");
    }
  }
}
