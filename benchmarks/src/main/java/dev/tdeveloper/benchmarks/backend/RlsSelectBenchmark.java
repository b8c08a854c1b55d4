package dev.tdeveloper.benchmarks.backend;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.tdeveloper.backend.postgres.TenantBindingKey;
import dev.tdeveloper.backend.postgres.TenantDataSource;
import dev.tdeveloper.backend.postgres.TenantStorage;
import dev.tdeveloper.backend.postgres.TenantTable;
import dev.tdeveloper.tenancy.IsolationMode;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.testkit.servers.LocalPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What row-level security costs: a point {@code SELECT} by primary key through a {@link
 * TenantDataSource} in {@link IsolationMode#ROW} mode, next to the same query on the same table and
 * rows through a plain HikariCP pool that row-level security does not apply to (the superuser,
 * which RLS exempts). Both sides use the same JDBC driver, pool settings and server.
 *
 * <ul>
 *   <li>{@code tdeveloperRlsSelect} / {@code floorNoRlsSelect}: one query on a connection each
 *       thread holds in an open transaction, so the difference is what the policy adds to a query
 *       ({@code tenant_id = (SELECT tenancy.current_tenant())}, the token check evaluated once per
 *       query);
 *   <li>{@code tdeveloperRlsCheckoutSelect} / {@code floorCheckoutSelect}: one unit of work as an
 *       application runs it: take a connection, run the query, return the connection. The RLS side
 *       also pays the tenant binding ({@code set_config} of id and token) and the rollback and
 *       session reset on close (everything {@code DISCARD ALL} clears but the driver's prepared
 *       statements and the server's cached plans); the floor runs in autocommit;
 *   <li>{@code discardAllCheckoutSelect}: the RLS unit of work as it was before that reset, with
 *       {@code DISCARD ALL} on return (the same binding, query and rollback on a plain pool of the
 *       application role), so that the reset's gain is measured in the same run.
 * </ul>
 *
 * <p>The server is a private {@link LocalPostgres} started per trial ({@code fsync=off}, loopback),
 * with {@value #TENANTS} tenants of {@value #ROWS_PER_TENANT} rows each in one shared table; each
 * operation reads a random row of tenant {@code t0}. Both sides prepare the statement per
 * operation, as pgjdbc's statement cache makes cheap on a held connection.
 *
 * <p>JMH state: one instance per benchmark run, shared by its threads; the pools are thread-safe.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class RlsSelectBenchmark {
  /** How many tenants share the table: {@value}. */
  public static final int TENANTS = 4;

  /** How many rows each tenant holds: {@value}. */
  public static final int ROWS_PER_TENANT = 10_000;

  private static final String QUERY = "SELECT id, owner, note FROM items WHERE id = ?";
  private static final TenantId TENANT = TenantId.of("t0");

  private LocalPostgres postgres;
  private TenantDataSource rls;
  private HikariDataSource plain;
  private HikariDataSource application;
  private String token;
  private long[] ids;

  /** Per-thread random choice of the row to read, and the connections a thread holds. */
  @State(Scope.Thread)
  public static class Session {
    private final SplittableRandom random = new SplittableRandom(42);
    private Connection rls;
    private Connection plain;

    /** Takes one connection from each pool, both in an open transaction. */
    @Setup(Level.Trial)
    public void open(RlsSelectBenchmark benchmark) throws SQLException {
      rls = benchmark.rls.getConnection(TENANT);
      plain = benchmark.plain.getConnection();
      plain.setAutoCommit(false);
    }

    /** Returns the connections (rolling back). */
    @TearDown(Level.Trial)
    public void close() throws SQLException {
      if (rls != null) {
        rls.close();
      }
      if (plain != null) {
        plain.rollback();
        plain.close();
      }
    }

    long next(long[] ids) {
      return ids[random.nextInt(ids.length)];
    }
  }

  /** Starts the server, creates the table with its policy, and loads the rows. */
  @Setup(Level.Trial)
  public void start() throws SQLException {
    postgres = LocalPostgres.start();
    String database = "rls_bench";
    try (Connection admin = postgres.connect(LocalPostgres.DEFAULT_DATABASE);
        Statement statement = admin.createStatement()) {
      statement.execute("CREATE DATABASE " + database);
    }
    TenantBindingKey key = TenantBindingKey.generate();
    TenantStorage storage =
        TenantStorage.builder()
            .mode(IsolationMode.ROW)
            .admin(postgres.jdbcUrl(database), postgres.user(), postgres.password())
            .applicationRole("bench_app")
            .bindingKey(key)
            .tables(
                List.of(
                    TenantTable.of(
                        "items",
                        "id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
                            + " owner text NOT NULL, note text")))
            .build();
    storage.createApplicationRole("bench-password");
    storage.install();
    for (int t = 0; t < TENANTS; t++) {
      storage.provision(TenantId.of("t" + t));
    }
    rls =
        TenantDataSource.builder()
            .mode(IsolationMode.ROW)
            .pool(pool(postgres.jdbcUrl(database), "bench_app", "bench-password", "rls"))
            .bindingKey(key)
            .build();
    plain =
        new HikariDataSource(
            pool(postgres.jdbcUrl(database), postgres.user(), postgres.password(), "plain"));
    HikariConfig applicationPool =
        pool(postgres.jdbcUrl(database), "bench_app", "bench-password", "discard-all");
    applicationPool.setAutoCommit(false);
    application = new HikariDataSource(applicationPool);
    token = key.token(TENANT);
    for (int t = 0; t < TENANTS; t++) {
      try (Connection connection = rls.getConnection(TenantId.of("t" + t));
          Statement statement = connection.createStatement()) {
        statement.execute(
            "INSERT INTO items (owner, note) SELECT 'owner-' || g, md5(g::text)"
                + " FROM generate_series(1, "
                + ROWS_PER_TENANT
                + ") g");
        connection.commit();
      }
    }
    try (Connection connection = plain.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("VACUUM ANALYZE items");
    }
    List<Long> found = new ArrayList<>();
    try (Connection connection = rls.getConnection(TENANT);
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT id FROM items")) {
      while (rows.next()) {
        found.add(rows.getLong(1));
      }
    }
    if (found.size() != ROWS_PER_TENANT) {
      throw new IllegalStateException(
          "tenant " + TENANT + " sees " + found.size() + " rows, not " + ROWS_PER_TENANT);
    }
    ids = found.stream().mapToLong(Long::longValue).toArray();
  }

  private static HikariConfig pool(String url, String user, String password, String name) {
    HikariConfig pool = new HikariConfig();
    pool.setJdbcUrl(url);
    pool.setUsername(user);
    pool.setPassword(password);
    pool.setMaximumPoolSize(8);
    pool.setPoolName(name);
    return pool;
  }

  /** Closes the pools and stops the server. */
  @TearDown(Level.Trial)
  public void stop() {
    if (rls != null) {
      rls.close();
    }
    if (plain != null) {
      plain.close();
    }
    if (application != null) {
      application.close();
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  /** One query on a held tenant-bound connection: the policy's cost per query. */
  @Benchmark
  public String tdeveloperRlsSelect(Session session) throws SQLException {
    return select(session.rls, session.next(ids));
  }

  /** The floor: the same query on a held plain connection that row-level security skips. */
  @Benchmark
  public String floorNoRlsSelect(Session session) throws SQLException {
    return select(session.plain, session.next(ids));
  }

  /** Take a bound connection, query, return it: binding, policy, rollback and reset on close. */
  @Benchmark
  public String tdeveloperRlsCheckoutSelect(Session session) throws SQLException {
    try (Connection connection = rls.getConnection(TENANT)) {
      return select(connection, session.next(ids));
    }
  }

  /** The floor of a unit of work: take a plain connection in autocommit, query, return it. */
  @Benchmark
  public String floorCheckoutSelect(Session session) throws SQLException {
    try (Connection connection = plain.getConnection()) {
      return select(connection, session.next(ids));
    }
  }

  /** The unit of work with the reset used before: bind, query, roll back, {@code DISCARD ALL}. */
  @Benchmark
  public String discardAllCheckoutSelect(Session session) throws SQLException {
    try (Connection connection = application.getConnection()) {
      try (PreparedStatement bind =
          connection.prepareStatement(
              "SELECT set_config('app.tenant_id', ?, true),"
                  + " set_config('app.tenant_token', ?, true)")) {
        bind.setString(1, TENANT.value());
        bind.setString(2, token);
        bind.execute();
      }
      String note = select(connection, session.next(ids));
      connection.rollback();
      connection.setAutoCommit(true);
      try (Statement discard = connection.createStatement()) {
        discard.execute("DISCARD ALL");
      }
      return note;
    }
  }

  private static String select(Connection connection, long id) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(QUERY)) {
      query.setLong(1, id);
      try (ResultSet row = query.executeQuery()) {
        if (!row.next()) {
          throw new IllegalStateException("row " + id + " not found");
        }
        return row.getString(3);
      }
    }
  }
}
