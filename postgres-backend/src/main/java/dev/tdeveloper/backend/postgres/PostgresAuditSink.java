package dev.tdeveloper.backend.postgres;

import dev.tdeveloper.backend.postgres.internal.Names;
import dev.tdeveloper.compliance.ComplianceException;
import dev.tdeveloper.compliance.spi.AuditRecord;
import dev.tdeveloper.compliance.spi.AuditSink;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.InstantSource;
import java.util.ArrayList;
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

  private static final int LOCK_CLASS = 0x74644155; // "tdAU": audit appends
  private static final int FETCH_SIZE = 1_000;

  private final DataSource dataSource;
  private final AutoCloseable owned;
  private final TableNames names;
  private final InstantSource clock;
  private final int lockKey;
  private final AtomicBoolean closed = new AtomicBoolean();

  private PostgresAuditSink(
      DataSource dataSource,
      AutoCloseable owned,
      TableNames names,
      InstantSource clock,
      int lockKey) {
    this.dataSource = dataSource;
    this.owned = owned;
    this.names = names;
    this.clock = clock;
    this.lockKey = lockKey;
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
    Objects.requireNonNull(admin, "admin");
    TableNames names = TableNames.parse(table);
    String role = Names.quote(Names.requireIdentifier("applicationRole", applicationRole));
    try (Connection connection = admin.getConnection()) {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      try (Statement statement = connection.createStatement()) {
        String schema = names.schema;
        if (schema == null) {
          try (ResultSet current = statement.executeQuery("SELECT current_schema()")) {
            current.next();
            schema = current.getString(1);
          }
        } else {
          statement.execute("CREATE SCHEMA IF NOT EXISTS " + Names.quote(schema));
        }
        TableNames resolved = names.in(schema);
        for (String sql : installStatements(resolved, role)) {
          statement.execute(sql);
        }
        connection.commit();
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw new ComplianceException("could not install audit log " + table + ": " + e, e);
    }
  }

  private static List<String> installStatements(TableNames t, String role) {
    String log = t.log();
    String checkpoints = t.checkpoints();
    String function = t.qualified(t.name + "_follows_on");
    List<String> sql = new ArrayList<>();
    sql.add(
        "CREATE TABLE IF NOT EXISTS "
            + log
            + " (seq bigint PRIMARY KEY CHECK (seq >= 0),"
            + " event bytea NOT NULL CHECK (length(event) > 0),"
            + " leaf_hash bytea NOT NULL CHECK (leaf_hash = sha256('\\x00'::bytea || event)),"
            + " chain bytea CHECK (chain IS NULL OR length(chain) = 32),"
            + " appended_at timestamptz NOT NULL)");
    sql.add(
        "CREATE TABLE IF NOT EXISTS "
            + checkpoints
            + " (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, note text NOT NULL,"
            + " stored_at timestamptz NOT NULL)");
    // Retention sets old events to null; the checks above pass for null, appends never carry it.
    sql.add("ALTER TABLE " + log + " ALTER COLUMN event DROP NOT NULL");
    sql.add(
        "CREATE INDEX IF NOT EXISTS "
            + Names.quote(t.name + "_retained")
            + " ON "
            + log
            + " (seq) WHERE event IS NOT NULL");
    String onlyRetention = t.qualified(t.name + "_only_retention");
    sql.add(
        "CREATE OR REPLACE FUNCTION "
            + onlyRetention
            + "() RETURNS trigger LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $f$"
            + " BEGIN"
            + " IF NEW.event IS NOT NULL OR NEW.seq IS DISTINCT FROM OLD.seq"
            + " OR NEW.leaf_hash IS DISTINCT FROM OLD.leaf_hash"
            + " OR NEW.chain IS DISTINCT FROM OLD.chain"
            + " OR NEW.appended_at IS DISTINCT FROM OLD.appended_at THEN"
            + " RAISE EXCEPTION 'audit entry % may only lose its event to retention', OLD.seq"
            + " USING ERRCODE = 'integrity_constraint_violation';"
            + " END IF;"
            + " RETURN NEW;"
            + " END $f$");
    sql.add(
        "CREATE OR REPLACE TRIGGER only_retention BEFORE UPDATE ON "
            + log
            + " FOR EACH ROW EXECUTE FUNCTION "
            + onlyRetention
            + "()");
    sql.add(
        "CREATE OR REPLACE FUNCTION "
            + function
            + "() RETURNS trigger LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $f$"
            + " DECLARE expected bigint;"
            + " BEGIN"
            + " IF NEW.event IS NULL THEN"
            + " RAISE EXCEPTION 'audit entry % has no event', NEW.seq"
            + " USING ERRCODE = 'not_null_violation';"
            + " END IF;"
            + " SELECT coalesce(max(seq) + 1, 0) INTO expected FROM "
            + log
            + ";"
            + " IF NEW.seq IS DISTINCT FROM expected THEN"
            + " RAISE EXCEPTION 'audit entry % does not follow on: expected %', NEW.seq, expected"
            + " USING ERRCODE = 'integrity_constraint_violation';"
            + " END IF;"
            + " RETURN NEW;"
            + " END $f$");
    sql.add(
        "CREATE OR REPLACE TRIGGER follows_on BEFORE INSERT ON "
            + log
            + " FOR EACH ROW EXECUTE FUNCTION "
            + function
            + "()");
    sql.add("REVOKE ALL ON " + log + ", " + checkpoints + " FROM PUBLIC, " + role);
    sql.add("GRANT SELECT, INSERT ON " + log + ", " + checkpoints + " TO " + role);
    sql.add("GRANT USAGE ON SCHEMA " + Names.quote(t.schema) + " TO " + role);
    return sql;
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
    TableNames names = TableNames.parse(table);
    try (Connection connection = dataSource.getConnection()) {
      int lockKey = checkRole(connection, names);
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

  /** Checks the role's privileges on both tables and returns the log's lock key, its oid. */
  private static int checkRole(Connection connection, TableNames names) throws SQLException {
    long oid = 0;
    List<String> excess = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (String table : List.of(names.log(), names.checkpoints())) {
      try (PreparedStatement query =
          connection.prepareStatement(
              "SELECT ?::regclass::oid, current_user,"
                  + " has_table_privilege(?, 'SELECT'), has_table_privilege(?, 'INSERT'),"
                  + " has_any_column_privilege(?, 'UPDATE'), has_table_privilege(?, 'DELETE'),"
                  + " has_table_privilege(?, 'TRUNCATE'), has_table_privilege(?, 'TRIGGER'),"
                  + " has_any_column_privilege(?, 'REFERENCES')")) {
        for (int i = 1; i <= 8; i++) {
          query.setString(i, table);
        }
        try (ResultSet row = query.executeQuery()) {
          row.next();
          if (table.equals(names.log())) {
            oid = row.getLong(1);
          }
          String[] privileges = {"SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE", "TRIGGER"};
          for (int i = 0; i < privileges.length; i++) {
            boolean held = row.getBoolean(i + 3);
            if (i < 2 && !held) {
              missing.add(privileges[i] + " on " + table);
            } else if (i >= 2 && held) {
              excess.add(privileges[i] + " on " + table);
            }
          }
          if (row.getBoolean(9)) {
            excess.add("REFERENCES on " + table);
          }
          if (!excess.isEmpty() || !missing.isEmpty()) {
            throw new ComplianceException(
                "role '"
                    + row.getString(2)
                    + "' cannot keep audit log "
                    + names.log()
                    + " append-only: "
                    + (excess.isEmpty() ? "" : "it may " + excess)
                    + (excess.isEmpty() || missing.isEmpty() ? "" : " and ")
                    + (missing.isEmpty() ? "" : "it lacks " + missing)
                    + "; connect as a role with SELECT and INSERT only, as"
                    + " PostgresAuditSink.install grants");
          }
        }
      }
    }
    return (int) oid;
  }

  /** Checks a log table name as {@link #install} and {@link #open} do. */
  static void checkTable(String table) {
    TableNames.parse(table);
  }

  /** Returns the log table as given, optionally schema-qualified. */
  public String table() {
    return names.given;
  }

  @Override
  public long size() {
    requireOpen();
    try (Connection connection = dataSource.getConnection()) {
      long size = size(connection);
      endRead(connection);
      return size;
    } catch (SQLException e) {
      throw failure("read the size of", e);
    }
  }

  private long size(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet row =
            statement.executeQuery("SELECT coalesce(max(seq) + 1, 0) FROM " + names.log())) {
      row.next();
      return row.getLong(1);
    }
  }

  /** Returns the first entry whose event retention kept; {@link #size()} if none. */
  @Override
  public long firstRetained() {
    requireOpen();
    try (Connection connection = dataSource.getConnection()) {
      long first = firstRetained(connection, names);
      endRead(connection);
      return first;
    } catch (SQLException e) {
      throw failure("read the first retained entry of", e);
    }
  }

  private static long firstRetained(Connection connection, TableNames names) throws SQLException {
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
      DataSource admin, String table, java.time.Duration maxAge, InstantSource clock) {
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

  private interface RetentionPoint {
    long choose(Connection connection, TableNames names, long size) throws SQLException;
  }

  private static long retain(DataSource admin, String table, RetentionPoint point) {
    Objects.requireNonNull(admin, "admin");
    TableNames names = TableNames.parse(table);
    try (Connection connection = admin.getConnection()) {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      try {
        try (PreparedStatement lock =
            connection.prepareStatement("SELECT pg_advisory_xact_lock(?, ?::regclass::oid::int)")) {
          lock.setInt(1, LOCK_CLASS);
          lock.setString(2, names.log());
          lock.execute();
        }
        long size;
        try (Statement statement = connection.createStatement();
            ResultSet row =
                statement.executeQuery("SELECT coalesce(max(seq) + 1, 0) FROM " + names.log())) {
          row.next();
          size = row.getLong(1);
        }
        long before = point.choose(connection, names, size);
        try (PreparedStatement update =
            connection.prepareStatement(
                "UPDATE "
                    + names.log()
                    + " SET event = NULL WHERE seq < ? AND event IS NOT NULL")) {
          update.setLong(1, before);
          update.executeUpdate();
        }
        long first = firstRetained(connection, names);
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
                + size()
                + " next)",
            e);
      }
      throw failure("append to", e);
    }
  }

  private void appendLocked(Connection connection, List<AuditRecord> records) throws SQLException {
    try (PreparedStatement lock =
        connection.prepareStatement("SELECT pg_advisory_xact_lock(?, ?)")) {
      lock.setInt(1, LOCK_CLASS);
      lock.setInt(2, lockKey);
      lock.execute();
    }
    long expected = size(connection);
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

  /**
   * {@inheritDoc}
   *
   * @throws IllegalStateException if closed
   * @throws ComplianceException if an entry in the range is missing from the table
   */
  @Override
  public void readLeafHashes(long from, long to, Consumer<byte[]> consumer) {
    Objects.requireNonNull(consumer, "consumer");
    scan(from, to, false, "seq, leaf_hash", row -> consumer.accept(row.getBytes(2)));
  }

  private interface RowReader {
    void read(ResultSet row) throws SQLException;
  }

  private void scan(long from, long to, boolean events, String columns, RowReader reader) {
    requireOpen();
    try (Connection connection = dataSource.getConnection()) {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      try {
        long size = size(connection);
        long first = events ? firstRetained(connection, names) : 0;
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
      throw failure("read", e);
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

  /**
   * {@inheritDoc} Commits before returning.
   *
   * @throws IllegalStateException if closed
   */
  @Override
  public void storeCheckpoint(String signedNote) {
    Objects.requireNonNull(signedNote, "signedNote");
    requireOpen();
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
      throw failure("store a checkpoint of", e);
    }
  }

  @Override
  public List<String> checkpoints() {
    requireOpen();
    try (Connection connection = dataSource.getConnection()) {
      List<String> notes = new ArrayList<>();
      try (Statement statement = connection.createStatement();
          ResultSet rows =
              statement.executeQuery("SELECT note FROM " + names.checkpoints() + " ORDER BY id")) {
        while (rows.next()) {
          notes.add(rows.getString(1));
        }
      }
      endRead(connection);
      return List.copyOf(notes);
    } catch (SQLException e) {
      throw failure("read the checkpoints of", e);
    }
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

  private static void endRead(Connection connection) throws SQLException {
    if (!connection.getAutoCommit()) {
      connection.rollback();
    }
  }

  private ComplianceException failure(String what, SQLException e) {
    return new ComplianceException("could not " + what + " audit log " + names.log() + ": " + e, e);
  }

  /** The log's name as given, split and checked. */
  private static final class TableNames {
    final String given;
    final String schema; // null: the search path decides
    final String name;

    private TableNames(String given, String schema, String name) {
      this.given = given;
      this.schema = schema;
      this.name = name;
    }

    static TableNames parse(String table) {
      Names.qualifiedTable("table", table);
      int dot = table.indexOf('.');
      String name = table.substring(dot + 1);
      if (name.length() > MAX_TABLE_NAME) {
        throw new IllegalArgumentException(
            "table name must have at most "
                + MAX_TABLE_NAME
                + " characters, was '"
                + name
                + "' ("
                + name.length()
                + ")");
      }
      return new TableNames(table, dot < 0 ? null : table.substring(0, dot), name);
    }

    TableNames in(String schema) {
      return new TableNames(given, schema, name);
    }

    String qualified(String relation) {
      return (schema == null ? "" : Names.quote(schema) + ".") + Names.quote(relation);
    }

    String log() {
      return qualified(name);
    }

    String checkpoints() {
      return qualified(name + "_checkpoints");
    }
  }
}
