package dev.tdeveloper.backend.postgres;

import dev.tdeveloper.compliance.spi.AuditRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.InstantSource;
import java.util.List;
import java.util.function.LongSupplier;
import javax.sql.DataSource;

/**
 * The write path of {@link PostgresAuditSink}: appends records and stores checkpoints, each in its
 * own committed transaction. An append takes the log's transaction-level advisory lock (keyed by
 * the table's oid, so every data source on the database shares it), checks that the records follow
 * on from the log's size and inserts them as one batch; a refusal by the database's own checks
 * (class 23: the follow-on trigger, the primary key, the leaf hash constraint) is reported as bad
 * input naming the sequence numbers. The sink checks its arguments and that it is open first.
 *
 * <p>Immutable and thread-safe.
 */
final class AuditWriter {
  private final DataSource dataSource;
  private final AuditTableNames names;
  private final InstantSource clock;
  private final int lockKey;
  private final LongSupplier nextSequence;

  /**
   * Creates the write path of an opened log.
   *
   * @param lockKey the log's oid, as {@link AuditPrivileges#check} returned it
   * @param nextSequence the sequence number the log expects next, for the message of a refusal
   */
  AuditWriter(
      DataSource dataSource,
      AuditTableNames names,
      InstantSource clock,
      int lockKey,
      LongSupplier nextSequence) {
    this.dataSource = dataSource;
    this.names = names;
    this.clock = clock;
    this.lockKey = lockKey;
    this.nextSequence = nextSequence;
  }

  /** See {@link PostgresAuditSink#append}; {@code records} is not empty. */
  void append(List<AuditRecord> records) {
    try (Connection connection = dataSource.getConnection()) {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      try {
        appendLocked(connection, records);
        connection.commit();
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      if ("23".equals(e.getSQLState() == null ? null : e.getSQLState().substring(0, 2))) {
        throw new IllegalArgumentException(
            "audit entries "
                + records.get(0).sequence()
                + ".."
                + records.get(records.size() - 1).sequence()
                + " were refused by "
                + names.log()
                + ": "
                + e.getMessage()
                + " (expected "
                + nextSequence.getAsLong()
                + " next)",
            e);
      }
      throw AuditSql.failure(names, "append to", e);
    }
  }

  private void appendLocked(Connection connection, List<AuditRecord> records) throws SQLException {
    try (PreparedStatement lock =
        connection.prepareStatement("SELECT pg_advisory_xact_lock(?, ?)")) {
      lock.setInt(1, AuditSql.LOCK_CLASS);
      lock.setInt(2, lockKey);
      lock.execute();
    }
    long expected = AuditSql.size(connection, names);
    for (AuditRecord record : records) {
      if (record.sequence() != expected) {
        throw new IllegalArgumentException(
            "audit entry sequence does not follow on in "
                + names.log()
                + ": expected "
                + expected
                + ", got "
                + record.sequence());
      }
      expected++;
    }
    Timestamp now = Timestamp.from(clock.instant());
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO "
                + names.log()
                + " (seq, event, leaf_hash, chain, appended_at) VALUES (?, ?, ?, ?, ?)")) {
      for (AuditRecord record : records) {
        insert.setLong(1, record.sequence());
        insert.setBytes(2, record.eventBytes());
        insert.setBytes(3, record.leafHash());
        insert.setBytes(4, record.hasChain() ? record.chain() : null);
        insert.setTimestamp(5, now);
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  /** See {@link PostgresAuditSink#storeCheckpoint}. */
  void storeCheckpoint(String signedNote) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO " + names.checkpoints() + " (note, stored_at) VALUES (?, ?)")) {
      insert.setString(1, signedNote);
      insert.setTimestamp(2, Timestamp.from(clock.instant()));
      insert.executeUpdate();
      if (!connection.getAutoCommit()) {
        connection.commit();
      }
    } catch (SQLException e) {
      throw AuditSql.failure(names, "store a checkpoint of", e);
    }
  }
}
