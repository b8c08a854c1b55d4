package dev.tdeveloper.backend.postgres;

import dev.tdeveloper.compliance.ComplianceException;
import dev.tdeveloper.compliance.spi.AuditRecord;
import dev.tdeveloper.compliance.spi.AuditSink;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * An append-only {@link AuditSink} in PostgreSQL: one row per entry in a log table, and the signed
 * checkpoints in a second table, {@code <table>_checkpoints}. Every instance of a service may
 * append to the same log.
 *
 * <p><b>Append-only.</b> {@link #install} creates the tables as the administrator and grants the
 * application role {@code SELECT} and {@code INSERT} on them, nothing else: the role cannot {@code
 * UPDATE}, {@code DELETE} or {@code TRUNCATE} an entry. {@link #open} refuses a role that could.
 *
 * <p><b>Gap-free sequence.</b> An append takes a transaction-level advisory lock on the log (keyed
 * by the table's oid, so every data source on the database shares it), reads the log's size, checks
 * that the records follow on, inserts them and commits. Two sinks on two data sources therefore
 * append one after the other; the later one is told which sequence number it should have used. The
 * database enforces the same even for SQL that skips the lock: a trigger admits an entry only if
 * its sequence number is the log's largest plus one, and the primary key admits each number once,
 * so a second writer racing for a number fails instead of leaving a gap.
 *
 * <p><b>Hash chain.</b> Each row keeps the record's event bytes, its RFC 6962 leaf hash and, for a
 * keyed log, its keyed-chain value. A check constraint verifies {@code leaf_hash = sha256('\x00' ||
 * event)}, so no row can carry a leaf hash its event does not have. The keyed chain needs the key
 * to verify, which the database never holds; the audit logger's verifier checks it.
 *
 * <p><b>Durability.</b> Each {@link #append} and {@link #storeCheckpoint} commits its own
 * transaction; with PostgreSQL's default {@code synchronous_commit = on} the commit is on disk when
 * the call returns, so {@link #sync} has nothing left to do. Turning {@code synchronous_commit} off
 * for the sink's role gives that guarantee up.
 *
 * <p><b>Retention</b> is an administrator's operation, as the file sink's is the sink's own: {@link
 * #removeEventsBefore} and {@link #applyRetention} (by age) set the events of the oldest entries to
 * null as the tables' owner, since the application role cannot change a row. Leaf hashes, chain
 * values and checkpoints stay, so the Merkle tree, its proofs and signed checkpoints still verify
 * over every entry ever appended; {@link #firstRetained()} is the first entry whose event is kept.
 *
 * <p>Thread-safe.
 */
public final class PostgresAuditSink implements AuditSink {
  /** The default log table: {@value}. */
  public static final String DEFAULT_TABLE = "audit_log";

  /** The longest log table name (without schema), so derived names stay identifiers: {@value}. */
  public static final int MAX_TABLE_NAME = 48;

  // The work lives in package-private parts, one per responsibility: AuditSchema installs the
  // tables, AuditPrivileges checks the role on open, AuditWriter and AuditReader are the append and
  // read paths, AuditRetention is the owner's retention. This class checks arguments and state.
  private final AutoCloseable owned;
  private final AuditTableNames names;
  private final AuditReader reader;
  private final AuditWriter writer;
  private final AtomicBoolean closed = new AtomicBoolean();

  private PostgresAuditSink(
      DataSource dataSource,
      AutoCloseable owned,
      AuditTableNames names,
      InstantSource clock,
      int lockKey) {
    this.owned = owned;
    this.names = names;
    this.reader = new AuditReader(dataSource, names);
    this.writer = new AuditWriter(dataSource, names, clock, lockKey, this::size);
  }

  /**
   * Creates the log and checkpoint tables (and the schema) if missing, with the trigger that keeps
   * the sequence gap-free, and grants {@code applicationRole} {@code SELECT} and {@code INSERT} on
   * both tables after revoking everything else from it and from {@code PUBLIC}. Idempotent; run it
   * once per deployment, as the role that is to own the tables.
   *
   * @param admin connections as the owner: a superuser or a role that may create in the schema
   * @param table the log table, optionally schema-qualified; names of at most {@value
   *     #MAX_TABLE_NAME} characters of {@code [a-z_][a-z0-9_]*}
   * @param applicationRole the existing role the sink's data source connects as
   * @throws IllegalArgumentException if {@code table} or {@code applicationRole} is not such a name
   * @throws ComplianceException if the database refuses
   */
  public static void install(DataSource admin, String table, String applicationRole) {
    AuditSchema.install(admin, table, applicationRole);
  }

  /**
   * Opens the log {@value #DEFAULT_TABLE}, dating rows by the system clock.
   *
   * @see #open(DataSource, String, InstantSource)
   */
  public static PostgresAuditSink open(DataSource dataSource) {
    return open(dataSource, DEFAULT_TABLE, InstantSource.system());
  }

  /**
   * Opens an installed log.
   *
   * @param dataSource connections as the application role; not closed by the sink
   * @param table the log table given to {@link #install}
   * @param clock dates the rows' {@code appended_at} and {@code stored_at}
   * @throws IllegalArgumentException if {@code table} is not a valid name
   * @throws ComplianceException if the tables are missing, the role may change or delete entries or
   *     lacks {@code SELECT} or {@code INSERT}, or the database cannot be reached
   */
  public static PostgresAuditSink open(DataSource dataSource, String table, InstantSource clock) {
    return open(dataSource, null, table, clock);
  }

  /** For the provider: a sink that closes {@code owned} when closed. */
  static PostgresAuditSink open(
      DataSource dataSource, AutoCloseable owned, String table, InstantSource clock) {
    Objects.requireNonNull(dataSource, "dataSource");
    Objects.requireNonNull(clock, "clock");
    AuditTableNames names = AuditTableNames.parse(table);
    try (Connection connection = dataSource.getConnection()) {
      int lockKey = AuditPrivileges.check(connection, names);
      if (!connection.getAutoCommit()) {
        connection.rollback();
      }
      return new PostgresAuditSink(dataSource, owned, names, clock, lockKey);
    } catch (SQLException e) {
      throw new ComplianceException(
          "could not open audit log "
              + table
              + " (install it with PostgresAuditSink.install): "
              + e.getMessage(),
          e);
    }
  }

  /** Checks a log table name as {@link #install} and {@link #open} do. */
  static void checkTable(String table) {
    AuditTableNames.parse(table);
  }

  /** Returns the log table as given, optionally schema-qualified. */
  public String table() {
    return names.given;
  }

  @Override
  public long size() {
    requireOpen();
    return reader.size();
  }

  /** Returns the first entry whose event retention kept; {@link #size()} if none. */
  @Override
  public long firstRetained() {
    requireOpen();
    return reader.firstRetained();
  }

  /**
   * Applies retention by age: removes the events of the entries appended more than {@code maxAge}
   * before {@code clock}'s now, except the newest entry's (a keyed logger continues its chain from
   * it, as the file sink never deletes its active segment). Leaf hashes, chain values and
   * checkpoints stay.
   *
   * @param admin connections as the tables' owner (the application role cannot change rows)
   * @param table the log table given to {@link #install}
   * @return the first retained entry afterwards
   * @throws IllegalArgumentException if {@code table} is invalid or {@code maxAge} not positive
   * @throws ComplianceException if the database refuses
   */
  public static long applyRetention(
      DataSource admin, String table, Duration maxAge, InstantSource clock) {
    return AuditRetention.applyRetention(admin, table, maxAge, clock);
  }

  /**
   * Removes the events of every entry before {@code sequence}, keeping their leaf hashes, chain
   * values and the checkpoints; does nothing for entries already removed. The in-memory sink's
   * {@code removeEventsBefore}, as an administrator's operation.
   *
   * @param admin connections as the tables' owner (the application role cannot change rows)
   * @param table the log table given to {@link #install}
   * @return the first retained entry afterwards
   * @throws IllegalArgumentException if {@code table} is invalid, or {@code sequence} is negative
   *     or beyond the log's size (nothing is changed)
   * @throws ComplianceException if the database refuses
   */
  public static long removeEventsBefore(DataSource admin, String table, long sequence) {
    return AuditRetention.removeEventsBefore(admin, table, sequence);
  }

  /**
   * {@inheritDoc} Returns once the records are committed, in one transaction: all or none.
   *
   * @throws IllegalArgumentException if a sequence number does not follow on, naming the expected
   *     and the given one, or a leaf hash is not {@code SHA-256(0x00 || event)}; nothing is
   *     appended
   * @throws IllegalStateException if closed
   */
  @Override
  public void append(List<AuditRecord> records) {
    Objects.requireNonNull(records, "records");
    requireOpen();
    if (records.isEmpty()) {
      return;
    }
    writer.append(records);
  }

  /**
   * {@inheritDoc} Each append is committed, durably under {@code synchronous_commit = on}: this
   * only checks that the sink is open.
   *
   * @throws IllegalStateException if closed
   */
  @Override
  public void sync() {
    requireOpen();
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalStateException if closed
   * @throws ComplianceException if an entry in the range is missing from the table
   */
  @Override
  public void read(long from, long to, Consumer<AuditRecord> consumer) {
    Objects.requireNonNull(consumer, "consumer");
    requireOpen();
    reader.read(from, to, consumer);
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalStateException if closed
   * @throws ComplianceException if an entry in the range is missing from the table
   */
  @Override
  public void readLeafHashes(long from, long to, Consumer<byte[]> consumer) {
    Objects.requireNonNull(consumer, "consumer");
    requireOpen();
    reader.readLeafHashes(from, to, consumer);
  }

  /**
   * {@inheritDoc} Commits before returning.
   *
   * @throws IllegalStateException if closed
   */
  @Override
  public void storeCheckpoint(String signedNote) {
    Objects.requireNonNull(signedNote, "signedNote");
    requireOpen();
    writer.storeCheckpoint(signedNote);
  }

  @Override
  public List<String> checkpoints() {
    requireOpen();
    return reader.checkpoints();
  }

  /**
   * Closes the data source if the sink owns it. Idempotent.
   *
   * @throws ComplianceException if the owned data source fails to close
   */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true) && owned != null) {
      try {
        owned.close();
      } catch (Exception e) {
        throw new ComplianceException("could not close the audit sink's data source", e);
      }
    }
  }

  @Override
  public String toString() {
    return "PostgresAuditSink[" + names.log() + "]";
  }

  private void requireOpen() {
    if (closed.get()) {
      throw new IllegalStateException("audit sink " + names.log() + " is closed");
    }
  }
}
