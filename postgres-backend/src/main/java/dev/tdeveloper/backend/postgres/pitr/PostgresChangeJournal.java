package dev.tdeveloper.backend.postgres.pitr;

import dev.tdeveloper.backend.postgres.internal.Jdbc;
import dev.tdeveloper.backend.postgres.internal.TableName;
import dev.tdeveloper.dr.DrException;
import dev.tdeveloper.dr.spi.BackupScope;
import dev.tdeveloper.dr.spi.ChangeJournal;
import dev.tdeveloper.dr.spi.ChangeRecord;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * A {@link ChangeJournal} in PostgreSQL, shared by every instance of a service: one row per change
 * record (content as {@code bytea}, a deletion as SQL null) and one row per scope holding its next
 * sequence number and last time.
 *
 * <p><b>Gap-free numbering.</b> An append locks its scope's row ({@code SELECT ... FOR UPDATE}),
 * checks the time against the scope's last one, inserts the record under the scope's next number
 * and advances it, in one transaction. Appenders on any number of instances therefore number one
 * scope's records 0, 1, 2... with no gap and no repeat, and scopes never wait for each other.
 *
 * <p><b>Durability.</b> {@link #append} returns once its transaction committed; with PostgreSQL's
 * default {@code synchronous_commit = on} the record is then on disk. A process killed during an
 * append leaves nothing of it: the transaction rolls back, so no partial record is ever visible and
 * the number it would have taken goes to the next record.
 *
 * <p><b>Reads</b> fix the scope's end when they start and hand records over in pages of at most
 * {@value #PAGE_RECORDS} records or about {@value #PAGE_BYTES} bytes, holding no connection while
 * the consumer runs, so the consumer may append.
 *
 * <p>Give it a plain {@link DataSource} (platform data). Thread-safe.
 */
public final class PostgresChangeJournal implements ChangeJournal {
  /** The default records table: {@value}. */
  public static final String DEFAULT_TABLE = "change_journal";

  /** The longest table name, so that {@code <name>_scopes} fits: {@value}. */
  public static final int MAX_TABLE = 56;

  /** The default and largest content of one change, in bytes: {@value} (16 MiB). */
  public static final int DEFAULT_MAX_CONTENT_BYTES = 16 << 20;

  /** The largest content limit, in bytes: {@value} (256 MiB; one {@code bytea} value). */
  public static final int MAX_CONTENT_BYTES = 256 << 20;

  static final int PAGE_RECORDS = 256;
  static final int PAGE_BYTES = 8 << 20;

  private final DataSource dataSource;
  private final TableName table;
  private final int maxContentBytes;
  private final AtomicBoolean closed = new AtomicBoolean();

  private PostgresChangeJournal(DataSource dataSource, TableName table, int maxContentBytes) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.table = table;
    this.maxContentBytes = maxContentBytes;
  }

  /**
   * Returns a journal in {@code table} (optionally schema-qualified; the scopes go to {@code
   * <table>_scopes}) accepting contents of up to {@code maxContentBytes}.
   *
   * @param dataSource connections to the database; not closed by the journal
   * @throws IllegalArgumentException if {@code table} is not one or two identifiers {@code
   *     [a-z_][a-z0-9_]*} with a name of at most {@value #MAX_TABLE} characters, or {@code
   *     maxContentBytes} is not 1 to {@value #MAX_CONTENT_BYTES}
   */
  public static PostgresChangeJournal of(DataSource dataSource, String table, int maxContentBytes) {
    Objects.requireNonNull(table, "table");
    if (maxContentBytes < 1 || maxContentBytes > MAX_CONTENT_BYTES) {
      throw new IllegalArgumentException(
          "maxContentBytes must be 1 to " + MAX_CONTENT_BYTES + ", got " + maxContentBytes);
    }
    return new PostgresChangeJournal(
        dataSource, TableName.parse("table", table, MAX_TABLE), maxContentBytes);
  }

  /** Returns a journal in table {@value #DEFAULT_TABLE} with the default content limit. */
  public static PostgresChangeJournal of(DataSource dataSource) {
    return of(dataSource, DEFAULT_TABLE, DEFAULT_MAX_CONTENT_BYTES);
  }

  /**
   * Creates the tables (and the schema) if missing. Idempotent.
   *
   * @throws DrException if the database refuses
   */
  public void createTables() {
    inTransaction(
        "creating the change journal tables",
        c -> {
          Jdbc.executeAll(c, ChangeSql.create(table));
          return null;
        });
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException also if the source is not 1 to 64 characters of {@code a-z 0-9
   *     . _ -}, the path is not a relative path, or the content is over the limit
   * @throws DrException if the database fails (nothing is appended)
   * @throws IllegalStateException if the journal is closed
   */
  @Override
  public ChangeRecord append(
      BackupScope scope, Instant time, String source, String path, Optional<byte[]> content) {
    ChangeRecord checked = ChangeSql.check(scope, time, source, path, content, maxContentBytes);
    return inTransaction(
        "appending to scope " + scope,
        c -> {
          ChangeSql.ensureScope(c, table, scope);
          long next;
          try (PreparedStatement lock = c.prepareStatement(ChangeSql.lockScope(table))) {
            lock.setString(1, scope.key());
            try (ResultSet row = lock.executeQuery()) {
              row.next();
              next = row.getLong(1);
              Instant last = Instant.ofEpochSecond(row.getLong(2), row.getInt(3));
              ChangeSql.checkTimeOrder(scope, time, last);
            }
          }
          ChangeRecord record = new ChangeRecord(next, time, source, path, checked.content());
          ChangeSql.insert(c, table, scope, record);
          return record;
        });
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException if {@code from} is negative
   * @throws DrException if the database fails
   */
  @Override
  public void read(BackupScope scope, long from, Consumer<ChangeRecord> consumer) {
    Objects.requireNonNull(scope, "scope");
    ChangeSql.checkSequence("from", from);
    Objects.requireNonNull(consumer, "consumer");
    long end = nextSequence(scope);
    long position = from;
    while (position < end) {
      long start = position;
      List<ChangeRecord> page =
          inTransaction(
              "reading scope " + scope,
              c -> ChangeSql.page(c, table, scope, start, end, PAGE_RECORDS, PAGE_BYTES));
      if (page.isEmpty()) {
        return;
      }
      page.forEach(consumer);
      position = page.get(page.size() - 1).sequence() + 1;
    }
  }

  @Override
  public long nextSequence(BackupScope scope) {
    Objects.requireNonNull(scope, "scope");
    return inTransaction(
        "reading scope " + scope,
        c -> {
          try (PreparedStatement query = c.prepareStatement(ChangeSql.next(table))) {
            query.setString(1, scope.key());
            try (ResultSet row = query.executeQuery()) {
              return row.next() ? row.getLong(1) : 0L;
            }
          }
        });
  }

  /**
   * {@inheritDoc} A sequence at or below the scope's first kept record does nothing.
   *
   * @throws IllegalArgumentException if {@code sequence} is negative or past {@link #nextSequence}
   * @throws DrException if the database fails (nothing is dropped)
   */
  @Override
  public void truncateBefore(BackupScope scope, long sequence) {
    Objects.requireNonNull(scope, "scope");
    ChangeSql.checkSequence("sequence", sequence);
    inTransaction(
        "truncating scope " + scope,
        c -> {
          ChangeSql.ensureScope(c, table, scope);
          try (PreparedStatement lock = c.prepareStatement(ChangeSql.lockScope(table))) {
            lock.setString(1, scope.key());
            try (ResultSet row = lock.executeQuery()) {
              row.next();
              ChangeSql.checkTruncation(scope, sequence, row.getLong(1));
            }
          }
          try (PreparedStatement delete = c.prepareStatement(ChangeSql.delete(table))) {
            delete.setString(1, scope.key());
            delete.setLong(2, sequence);
            delete.executeUpdate();
          }
          return null;
        });
  }

  /** Marks the journal closed (later calls throw {@link IllegalStateException}); idempotent. */
  @Override
  public void close() {
    closed.set(true);
  }

  @Override
  public String toString() {
    return "PostgresChangeJournal[" + table.qualified() + "]";
  }

  private <T> T inTransaction(String what, Jdbc.Work<T> work) {
    if (closed.get()) {
      throw new IllegalStateException("the PostgreSQL change journal is closed");
    }
    try {
      return Jdbc.transaction(dataSource, work);
    } catch (SQLException e) {
      throw new DrException(
          what + " of the change journal failed: SQLSTATE " + e.getSQLState() + ": " + e, e);
    }
  }
}
