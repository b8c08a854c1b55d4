package dev.tdeveloper.backend.postgres.lease;

import dev.tdeveloper.backend.postgres.internal.Jdbc;
import dev.tdeveloper.backend.postgres.internal.Names;
import dev.tdeveloper.backend.postgres.internal.StateTable;
import dev.tdeveloper.tenancy.spi.JobLease;
import dev.tdeveloper.tenancy.spi.JobLeaseException;
import dev.tdeveloper.tenancy.spi.Lease;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;

/**
 * A {@link JobLease} in a PostgreSQL table shared by every instance on the database, so a scheduled
 * job (a backup, a key rotation) runs on one instance at a time. It passes {@code
 * JobLeaseContract}.
 *
 * <p><b>One statement per operation.</b> {@code acquire} is one {@code INSERT ... ON CONFLICT (job)
 * DO UPDATE ... WHERE expires_at <= now}: it inserts the job's first grant, or replaces an expired
 * or released one, and otherwise changes nothing. {@code renew} and {@code release} are one {@code
 * UPDATE} each, conditional on the job, holder and fencing token and on the lease not having
 * expired. PostgreSQL's row lock serializes the operations on one job; different jobs never wait
 * for each other.
 *
 * <p><b>The server's clock.</b> "Now" is the database server's {@code clock_timestamp()}, read once
 * per statement; the instances' clocks never matter. A lease expires when the server's clock
 * reaches its grant time plus the time to live (rounded up to the microsecond). A released lease
 * expires at once.
 *
 * <p><b>Fencing tokens</b> come from a sequence ({@code <table>_fencing}, {@code NO CYCLE}), drawn
 * while the job's row is locked, so every grant of a job gets a greater token than the grants
 * before it, across instances, client restarts and server restarts (a sequence never goes back
 * after a crash).
 *
 * <p><b>Privileges.</b> {@link #install} grants the application role {@code SELECT}, {@code INSERT}
 * and {@code UPDATE} on the table and {@code USAGE} on the sequence: it cannot delete or truncate
 * leases, nor reset the sequence.
 *
 * <p>A database failure throws {@link JobLeaseException}; there is no fallback, as a lease nobody
 * can verify must not be assumed. Thread-safe.
 */
public final class PostgresJobLease implements JobLease {
  /** The default table: {@value}. */
  public static final String DEFAULT_TABLE = "job_leases";

  private static final String NOW = "SELECT coalesce(?::timestamptz, clock_timestamp()) AS at";

  private final DataSource dataSource;
  private final AutoCloseable owned;
  private final StateTable table;
  private final InstantSource frozenClock;
  private final String acquire;
  private final String renew;
  private final String release;
  private final AtomicBoolean closed = new AtomicBoolean();

  PostgresJobLease(PostgresJobLeaseBuilder b) {
    this.dataSource = b.dataSource;
    this.owned = b.owned;
    this.table = b.table;
    this.frozenClock = b.frozenClock;
    String t = table.qualified();
    String nextToken = "nextval(" + Names.literal(table.qualified("_fencing")) + ")";
    this.acquire =
        "WITH now AS ("
            + NOW
            + ") INSERT INTO "
            + t
            + " AS l (job_name, holder, fencing_token, granted_at, expires_at, released_at)"
            + " SELECT ?, ?, "
            + nextToken
            + ", now.at, now.at + ?::bigint * interval '1 microsecond', NULL FROM now"
            + " ON CONFLICT (job_name) DO UPDATE SET holder = excluded.holder, fencing_token = "
            + nextToken
            + ", granted_at = excluded.granted_at, expires_at = excluded.expires_at,"
            + " released_at = NULL WHERE l.expires_at <= excluded.granted_at"
            + " RETURNING l.fencing_token";
    String current =
        " FROM now WHERE l.job_name = ? AND l.holder = ? AND l.fencing_token = ?"
            + " AND l.expires_at > now.at";
    this.renew =
        "WITH now AS ("
            + NOW
            + ") UPDATE "
            + t
            + " AS l SET expires_at = now.at + ?::bigint * interval '1 microsecond'"
            + current;
    this.release =
        "WITH now AS ("
            + NOW
            + ") UPDATE "
            + t
            + " AS l SET expires_at = '-infinity', released_at = now.at"
            + current;
  }

  /**
   * Returns a builder of leases on {@code dataSource}, connecting as the application role.
   *
   * @throws NullPointerException if {@code dataSource} is null
   */
  public static PostgresJobLeaseBuilder builder(DataSource dataSource) {
    return new PostgresJobLeaseBuilder(Objects.requireNonNull(dataSource, "dataSource"), null);
  }

  /**
   * Creates the lease table and its fencing sequence (and the schema) if missing, and grants {@code
   * applicationRole} {@code SELECT}, {@code INSERT}, {@code UPDATE} on the table and {@code USAGE}
   * on the sequence, after revoking everything else from it and from {@code PUBLIC}. Idempotent;
   * run it once per deployment as the role that is to own the table.
   *
   * @param admin connections as the owner
   * @param table the table, optionally schema-qualified; a name of at most {@value
   *     StateTable#MAX_NAME} characters of {@code [a-z_][a-z0-9_]*}
   * @param applicationRole the existing role the leases connect as
   * @throws IllegalArgumentException if {@code table} or {@code applicationRole} is not such a name
   * @throws JobLeaseException if the database refuses
   */
  public static void install(DataSource admin, String table, String applicationRole) {
    StateTable.install(
        admin,
        table,
        applicationRole,
        PostgresJobLease::ddl,
        e -> new JobLeaseException("could not install job lease table " + table + ": " + e, e));
  }

  private static List<String> ddl(StateTable t, String role) {
    String sequence = t.qualified("_fencing");
    List<String> sql = new ArrayList<>();
    sql.add("CREATE SEQUENCE IF NOT EXISTS " + sequence + " AS bigint MINVALUE 1 NO CYCLE");
    sql.add(
        "CREATE TABLE IF NOT EXISTS "
            + t.qualified()
            + " (job_name text PRIMARY KEY, holder text NOT NULL,"
            + " fencing_token bigint NOT NULL CHECK (fencing_token >= 1),"
            + " granted_at timestamptz NOT NULL, expires_at timestamptz NOT NULL,"
            + " released_at timestamptz)");
    sql.addAll(StateTable.grants(role, "SELECT, INSERT, UPDATE", t.qualified()));
    sql.addAll(StateTable.grants(role, "USAGE", "SEQUENCE " + sequence));
    return sql;
  }

  /**
   * {@inheritDoc}
   *
   * @throws JobLeaseException if the database fails or the leases are closed
   */
  @Override
  public Optional<Lease> acquire(String jobName, String holder, Duration ttl) {
    Lease.requireJobName(jobName);
    Lease.requireHolder(holder);
    long micros = micros(ttl);
    return run(
        "acquire job '" + jobName + "'",
        connection -> {
          try (PreparedStatement statement = connection.prepareStatement(acquire)) {
            setNow(statement);
            statement.setString(2, jobName);
            statement.setString(3, holder);
            statement.setLong(4, micros);
            try (ResultSet row = statement.executeQuery()) {
              return row.next()
                  ? Optional.of(new Lease(jobName, holder, row.getLong(1)))
                  : Optional.empty();
            }
          }
        });
  }

  /**
   * {@inheritDoc}
   *
   * @throws JobLeaseException if the database fails or the leases are closed
   */
  @Override
  public boolean renew(Lease lease, Duration ttl) {
    Objects.requireNonNull(lease, "lease");
    long micros = micros(ttl);
    return run(
        "renew job '" + lease.jobName() + "'",
        connection -> {
          try (PreparedStatement statement = connection.prepareStatement(renew)) {
            setNow(statement);
            statement.setLong(2, micros);
            bindLease(statement, 3, lease);
            return statement.executeUpdate() == 1;
          }
        });
  }

  /**
   * {@inheritDoc}
   *
   * @throws JobLeaseException if the database fails or the leases are closed
   */
  @Override
  public boolean release(Lease lease) {
    Objects.requireNonNull(lease, "lease");
    return run(
        "release job '" + lease.jobName() + "'",
        connection -> {
          try (PreparedStatement statement = connection.prepareStatement(release)) {
            setNow(statement);
            bindLease(statement, 2, lease);
            return statement.executeUpdate() == 1;
          }
        });
  }

  /**
   * Checks that the table and its sequence are installed and usable by this role.
   *
   * @throws JobLeaseException naming {@link #install} if they are not
   */
  public void check() {
    run(
        "check its table",
        connection -> {
          try (PreparedStatement statement =
              connection.prepareStatement(
                  "SELECT has_table_privilege(?, 'SELECT, INSERT, UPDATE'),"
                      + " has_sequence_privilege(?, 'USAGE')")) {
            statement.setString(1, table.qualified());
            statement.setString(2, table.qualified("_fencing"));
            try (ResultSet row = statement.executeQuery()) {
              row.next();
              if (!row.getBoolean(1) || !row.getBoolean(2)) {
                throw new SQLException(
                    "this role lacks SELECT, INSERT and UPDATE on the table or USAGE on its"
                        + " sequence; grant them with PostgresJobLease.install");
              }
            }
          }
          return null;
        });
  }

  /** Returns the table as given, optionally schema-qualified. */
  public String table() {
    return table.given();
  }

  /**
   * Closes the data source if the leases own it (one built by {@link PostgresJobLeaseProvider}).
   * Idempotent; leases already granted still expire.
   */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true) && owned != null) {
      try {
        owned.close();
      } catch (Exception e) {
        throw new JobLeaseException("could not close the job lease's data source", e);
      }
    }
  }

  @Override
  public String toString() {
    return "PostgresJobLease[" + table.given() + "]";
  }

  private void setNow(PreparedStatement statement) throws SQLException {
    if (frozenClock == null) {
      statement.setNull(1, Types.TIMESTAMP_WITH_TIMEZONE);
    } else {
      statement.setObject(1, frozenClock.instant().atOffset(ZoneOffset.UTC));
    }
  }

  private static void bindLease(PreparedStatement statement, int first, Lease lease)
      throws SQLException {
    statement.setString(first, lease.jobName());
    statement.setString(first + 1, lease.holder());
    statement.setLong(first + 2, lease.fencingToken());
  }

  /** The time to live in whole microseconds, rounded up: the server's clock resolution. */
  private static long micros(Duration ttl) {
    JobLease.requireTtl(ttl);
    return (ttl.toNanos() + 999) / 1000;
  }

  private <T> T run(String action, Jdbc.Work<T> work) {
    if (closed.get()) {
      throw new JobLeaseException(
          "PostgreSQL job lease " + table.given() + " is closed; cannot " + action);
    }
    try (Connection connection = dataSource.getConnection()) {
      if (!connection.getAutoCommit()) {
        T result = work.run(connection);
        connection.commit();
        return result;
      }
      return work.run(connection);
    } catch (SQLException e) {
      throw new JobLeaseException(
          "PostgreSQL job lease " + table.given() + " failed to " + action + ": " + e.getMessage(),
          e);
    }
  }
}
