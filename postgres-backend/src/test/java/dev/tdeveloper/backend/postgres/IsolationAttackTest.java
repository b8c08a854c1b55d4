package dev.tdeveloper.backend.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.tenancy.IsolationMode;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.testkit.servers.LocalPostgres;
import dev.tdeveloper.tenancy.testkit.servers.LocalPostgresExtension;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The isolation attack suite: in each mode, threads borrow pooled connections for random tenants
 * and mix honest work with attacks: queries and writes naming other tenants' ids and schemas,
 * {@code SET app.tenant_id} and {@code set_config} at session level (committed, so the setting
 * stays on the pooled connection), {@code RESET ALL}, {@code SET ROLE} and {@code SET SESSION
 * AUTHORIZATION}, multi-statement injections, {@code TRUNCATE}, reads of the key table, held
 * cursors left for the next user of the connection, temporary tables that would shadow the tenant
 * table, the driver's prepared statements replaced by SQL that writes, and connections used on, or
 * returned to the pool, after an error. Every row a tenant reads must be its own and no attack may
 * change another tenant's rows; at the end the superuser counts every tenant's rows against a model
 * of the committed work.
 *
 * <p>Seeded: {@code -Dattack.seed=N} replays a run (each thread's sequence of operations follows
 * from the seed; thread interleaving does not). The seed is printed and named in every failure.
 */
@ExtendWith(LocalPostgresExtension.class)
class IsolationAttackTest {
  /** The seed of a run without {@code -Dattack.seed}: every run is the same run. */
  private static final long DEFAULT_SEED = 20261206L;

  private static final int OPERATIONS = Integer.getInteger("attack.operations", 10_000);
  private static final int THREADS = 4;
  private static final int POOL_SIZE = 3;
  private static final List<String> TENANTS =
      List.of("t-alpha", "beta", "gamma-3", "delta", "epsilon");

  private final LocalPostgres postgres;

  IsolationAttackTest(LocalPostgres postgres) {
    this.postgres = postgres;
  }

  @ParameterizedTest
  @EnumSource(IsolationMode.class)
  void neverLeaksAcrossTenants(IsolationMode mode) throws Exception {
    long seed = Long.getLong("attack.seed", DEFAULT_SEED);
    System.out.println("IsolationAttackTest " + mode + " seed=" + seed);
    try (Fixture f = new Fixture(postgres, mode, "attack", POOL_SIZE)) {
      f.provision(TENANTS.toArray(String[]::new));
      Run run = new Run(f, seed);
      ExecutorService threads = Executors.newFixedThreadPool(THREADS);
      try {
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
          SplittableRandom random = new SplittableRandom(seed + 7919L * t);
          done.add(threads.submit(() -> run.drive(random, OPERATIONS / THREADS)));
        }
        for (Future<?> each : done) {
          each.get(10, TimeUnit.MINUTES);
        }
      } finally {
        threads.shutdownNow();
      }
      String context = mode + " seed=" + seed + " (replay with -Dattack.seed=" + seed + ")";
      assertThat(run.violations).as(context).isEmpty();
      assertThat(run.operations.get()).as(context).isGreaterThanOrEqualTo(OPERATIONS);
      assertThat(run.ownRowsRead.get()).as("honest reads found rows, " + context).isPositive();
      assertThat(run.attacksRefusedOrEmpty.get()).as(context).isPositive();
      assertThat(run.planted.get()).as("statements planted, " + context).isPositive();
      assertThat(run.committedRowsPerTenant()).as(context).isEqualTo(run.expectedRowsPerTenant());
      System.out.println(
          "IsolationAttackTest "
              + mode
              + ": "
              + run.operations.get()
              + " operations, "
              + run.attacksRefusedOrEmpty.get()
              + " attacks refused or empty, "
              + run.errorsRecovered.get()
              + " errors recovered from, "
              + run.planted.get()
              + " prepared statements planted");
    }
  }

  /** The shared state of one mode's run. */
  private static final class Run {
    final Fixture f;
    final long seed;
    final Map<String, AtomicInteger> expected = new ConcurrentHashMap<>();
    final List<String> violations = Collections.synchronizedList(new ArrayList<>());
    final AtomicLong operations = new AtomicLong();
    final AtomicLong ownRowsRead = new AtomicLong();
    final AtomicLong attacksRefusedOrEmpty = new AtomicLong();
    final AtomicLong errorsRecovered = new AtomicLong();
    final AtomicLong planted = new AtomicLong();

    Run(Fixture f, long seed) {
      this.f = f;
      this.seed = seed;
      TENANTS.forEach(t -> expected.put(t, new AtomicInteger()));
    }

    void drive(SplittableRandom random, int count) {
      int done = 0;
      while (done < count) {
        String tenant = TENANTS.get(random.nextInt(TENANTS.size()));
        int steps = 1 + random.nextInt(6);
        done += session(random, tenant, steps);
      }
    }

    /** Borrows a connection for {@code tenant}, runs up to {@code steps} operations on it. */
    private int session(SplittableRandom random, String tenant, int steps) {
      int ran = 0;
      try (Connection c = f.dataSource.getConnection(TenantId.of(tenant))) {
        if (c.getAutoCommit()) {
          c.setAutoCommit(false); // DATABASE mode hands out plain pooled connections.
        }
        Pending pending = new Pending();
        for (int i = 0; i < steps; i++) {
          ran++;
          operations.incrementAndGet();
          try {
            step(random, c, tenant, pending);
            if (pending.endSession) {
              break;
            }
          } catch (SQLException e) {
            errorsRecovered.incrementAndGet();
            pending.clear();
            if (c.isClosed()) {
              // HikariCP evicts a connection after errors such as 0A000 (here: a cross-database
              // reference); the pool has replaced it, so the session ends.
              return ran;
            }
            switch (random.nextInt(3)) {
              case 0 -> c.rollback();
              case 1 -> {
                // Use the aborted transaction on: the statement must fail, then roll back.
                try {
                  readOwn(c, tenant);
                } catch (SQLException expected) {
                  // current transaction is aborted
                }
                c.rollback();
              }
              default -> {
                return ran; // closed in the aborted state: the pool gets it back dirty
              }
            }
          }
        }
        if (random.nextBoolean()) {
          commit(c, tenant, pending);
        }
      } catch (SQLException e) {
        violations.add("connection for " + tenant + " failed outside an attack: " + e);
      }
      return ran;
    }

    private void commit(Connection c, String tenant, Pending pending) throws SQLException {
      c.commit();
      expected.get(tenant).addAndGet(pending.delta);
      pending.clear();
    }

    private static void rollback(Connection c, Pending pending) throws SQLException {
      c.rollback();
      pending.clear();
    }

    private void step(SplittableRandom random, Connection c, String tenant, Pending pending)
        throws SQLException {
      String other = otherThan(random, tenant);
      switch (random.nextInt(18)) {
        case 0, 1 -> {
          int n = 1 + random.nextInt(3);
          try (PreparedStatement insert =
              c.prepareStatement("INSERT INTO items (owner, note) VALUES (?, 'ok')")) {
            for (int i = 0; i < n; i++) {
              insert.setString(1, tenant);
              insert.executeUpdate();
            }
          }
          pending.delta += n;
        }
        case 2 -> readOwn(c, tenant);
        case 3 -> {
          int deleted;
          try (Statement delete = c.createStatement()) {
            deleted =
                delete.executeUpdate(
                    "DELETE FROM items WHERE id = (SELECT min(id) FROM items WHERE note = 'ok')");
          }
          pending.delta -= deleted;
          commit(c, tenant, pending);
        }
        case 4 -> expectNoneOf(c, tenant, namingOther(other));
        case 5 -> {
          // Write attacks: update, delete and insert aimed at the other tenant.
          String target = tableOf(other);
          String where = whereOther(other);
          expectUnchanged(c, tenant, "UPDATE " + target + " SET note = 'pwned' WHERE " + where);
          expectUnchanged(c, tenant, "DELETE FROM " + target + " WHERE " + where);
          expectRefused(c, tenant, insertAs(tenant, other));
        }
        case 6 -> {
          // Session-level SET of the tenant id, committed so it stays on the pooled connection.
          exec(c, "SET app.tenant_id = '" + other + "'");
          if (f.mode == IsolationMode.SCHEMA) {
            exec(c, "SET search_path = " + f.storage.storageName(TenantId.of(other)));
          }
          readOwnOrNothing(c, tenant);
          expectNoneOf(c, tenant, "SELECT owner FROM items");
          commit(c, tenant, pending);
          readOwn(c, tenant);
        }
        case 7 -> {
          exec(
              c,
              "SELECT set_config('app.tenant_id', '"
                  + other
                  + "', false), set_config('app.tenant_id', '"
                  + other
                  + "', true)");
          expectNoneOf(c, tenant, "SELECT owner FROM items");
          rollback(c, pending);
        }
        case 8 -> {
          exec(c, "RESET ALL");
          readOwnOrNothing(c, tenant);
          rollback(c, pending);
          readOwn(c, tenant);
        }
        case 9 -> {
          expectRefused(
              c,
              tenant,
              switch (random.nextInt(3)) {
                case 0 -> "SET ROLE " + LocalPostgres.SUPERUSER;
                case 1 -> "SET ROLE pg_read_all_data";
                default -> "SET SESSION AUTHORIZATION " + LocalPostgres.SUPERUSER;
              });
        }
        case 10 -> {
          // A multi-statement injection through an honest-looking query.
          List<String> owners =
              owners(
                  c,
                  "SELECT owner FROM items WHERE note = 'x'; SET app.tenant_id = '"
                      + other
                      + "'; SELECT owner FROM "
                      + tableOf(other));
          check(tenant, owners, "multi-statement injection");
          attacksRefusedOrEmpty.incrementAndGet();
        }
        case 11 -> {
          expectRefused(
              c,
              tenant,
              f.mode != IsolationMode.DATABASE && random.nextBoolean()
                  ? "SELECT tenant_id FROM tenancy.tenant_keys"
                  : "TRUNCATE " + tableOf(other));
        }
        case 12 -> {
          exec(c, "SELECT * FROM no_such_table");
        }
        case 14 -> {
          // A held cursor outlives its transaction: committed, it holds this tenant's rows.
          exec(c, "DECLARE leak CURSOR WITH HOLD FOR SELECT owner FROM " + tableOf(tenant));
          commit(c, tenant, pending);
        }
        case 15 -> {
          // Whoever declared "leak" (maybe another tenant, on this pooled connection), fetch it.
          check(tenant, owners(c, "FETCH ALL FROM leak"), "a held cursor");
          attacksRefusedOrEmpty.incrementAndGet();
        }
        case 16 ->
            // A temporary table named like the tenant table would shadow it (pg_temp comes first).
            expectRefused(c, tenant, "CREATE TEMP TABLE items (owner text, note text)");
        case 17 -> {
          plantPreparedStatements(c);
          pending.endSession = true; // the planted statements are this session's now
        }
        default -> {
          if (random.nextBoolean()) {
            commit(c, tenant, pending);
          } else {
            rollback(c, pending);
          }
          readOwn(c, tenant);
        }
      }
    }

    /**
     * Replaces the driver's server-prepared statements that take one string with SQL of the same
     * signature that writes a 'pwned' row: a later user of the connection whose driver runs its
     * cached statement by name would run this instead.
     */
    private void plantPreparedStatements(Connection c) throws SQLException {
      List<String> names = new ArrayList<>();
      try (Statement statement = c.createStatement();
          ResultSet rows =
              statement.executeQuery(
                  "SELECT name FROM pg_prepared_statements WHERE NOT from_sql"
                      + " AND parameter_types = '{character varying}'::regtype[]")) {
        while (rows.next()) {
          names.add(rows.getString(1));
        }
      }
      for (String name : names) {
        exec(c, "DEALLOCATE \"" + name + "\"");
        exec(
            c,
            "PREPARE \""
                + name
                + "\"(character varying) AS INSERT INTO items (owner, note) VALUES ($1, 'pwned')");
        planted.incrementAndGet();
      }
      attacksRefusedOrEmpty.incrementAndGet();
    }

    private String otherThan(SplittableRandom random, String tenant) {
      String other;
      do {
        other = TENANTS.get(random.nextInt(TENANTS.size()));
      } while (other.equals(tenant));
      return other;
    }

    private String tableOf(String tenant) {
      return f.mode == IsolationMode.SCHEMA ? f.items(tenant) : "items";
    }

    private String whereOther(String other) {
      return switch (f.mode) {
        case ROW -> "tenant_id = '" + other + "' OR owner = '" + other + "'";
        case SCHEMA -> "true"; // every row of the other tenant's table
        case DATABASE -> "owner = '" + other + "'";
      };
    }

    private String namingOther(String other) {
      return switch (f.mode) {
        case ROW ->
            "SELECT owner FROM items WHERE tenant_id = '" + other + "' OR owner = '" + other + "'";
        case SCHEMA -> "SELECT owner FROM " + f.items(other);
        case DATABASE -> "SELECT owner FROM items WHERE owner = '" + other + "'";
      };
    }

    private String insertAs(String tenant, String other) {
      return switch (f.mode) {
        case ROW ->
            "INSERT INTO items (tenant_id, owner, note) VALUES ('"
                + other
                + "', '"
                + tenant
                + "', 'pwned')";
        case SCHEMA ->
            "INSERT INTO " + f.items(other) + " (owner, note) VALUES ('" + tenant + "', 'pwned')";
        case DATABASE ->
            "INSERT INTO "
                + f.storage.storageName(TenantId.of(other))
                + ".public.items (owner, note) VALUES ('"
                + tenant
                + "', 'pwned')";
      };
    }

    private void readOwn(Connection c, String tenant) throws SQLException {
      List<String> owners = owners(c, "SELECT owner FROM items");
      check(tenant, owners, "honest read");
      ownRowsRead.addAndGet(owners.size());
    }

    /** After an attack on the binding: the tenant's own rows, none, or an error are all fine. */
    private void readOwnOrNothing(Connection c, String tenant) throws SQLException {
      check(tenant, owners(c, "SELECT owner FROM items"), "read after attack");
    }

    private void expectNoneOf(Connection c, String tenant, String sql) throws SQLException {
      check(tenant, owners(c, sql), sql);
      attacksRefusedOrEmpty.incrementAndGet();
    }

    private void expectUnchanged(Connection c, String tenant, String sql) throws SQLException {
      try (Statement statement = c.createStatement()) {
        int changed = statement.executeUpdate(sql);
        if (changed != 0) {
          violations.add(tenant + " changed " + changed + " rows with: " + sql);
        }
      }
      attacksRefusedOrEmpty.incrementAndGet();
    }

    private void expectRefused(Connection c, String tenant, String sql) throws SQLException {
      try (Statement statement = c.createStatement()) {
        statement.execute(sql);
      } catch (SQLException refused) {
        attacksRefusedOrEmpty.incrementAndGet();
        throw refused;
      }
      violations.add(tenant + " was allowed: " + sql);
    }

    private void check(String tenant, List<String> owners, String what) {
      for (String owner : owners) {
        if (!owner.equals(tenant)) {
          violations.add(tenant + " saw a row of " + owner + " through: " + what);
          return;
        }
      }
    }

    private static void exec(Connection c, String sql) throws SQLException {
      try (Statement statement = c.createStatement()) {
        statement.execute(sql);
      }
    }

    /** The first column of every result set {@code sql} produces, however many statements. */
    private static List<String> owners(Connection c, String sql) throws SQLException {
      List<String> owners = new ArrayList<>();
      try (Statement statement = c.createStatement()) {
        boolean isResult = statement.execute(sql);
        while (true) {
          if (isResult) {
            try (ResultSet rows = statement.getResultSet()) {
              while (rows.next()) {
                owners.add(rows.getString(1));
              }
            }
          } else if (statement.getUpdateCount() == -1) {
            break;
          }
          isResult = statement.getMoreResults();
        }
      }
      return owners;
    }

    Map<String, Integer> expectedRowsPerTenant() {
      Map<String, Integer> rows = new TreeMap<>();
      expected.forEach((tenant, count) -> rows.put(tenant, count.get()));
      return rows;
    }

    /** Counts, as the superuser, the rows in each tenant's storage, and looks for strays. */
    Map<String, Integer> committedRowsPerTenant() throws SQLException {
      Map<String, Integer> rows = new TreeMap<>();
      for (String tenant : TENANTS) {
        String database =
            f.mode == IsolationMode.DATABASE
                ? f.storage.storageName(TenantId.of(tenant))
                : f.database;
        String table =
            switch (f.mode) {
              case ROW -> "items WHERE tenant_id = '" + tenant + "'";
              case SCHEMA -> f.items(tenant);
              case DATABASE -> "items";
            };
        try (Connection admin = f.postgres.connect(database);
            Statement statement = admin.createStatement();
            ResultSet row =
                statement.executeQuery(
                    "SELECT count(*), count(*) FILTER (WHERE owner <> '"
                        + tenant
                        + "' OR note <> 'ok') FROM "
                        + table)) {
          row.next();
          rows.put(tenant, row.getInt(1));
          if (row.getInt(2) != 0) {
            violations.add(row.getInt(2) + " foreign or altered rows in the storage of " + tenant);
          }
        }
      }
      return rows;
    }
  }

  /** Uncommitted row count changes of the current transaction. */
  private static final class Pending {
    int delta;
    boolean endSession;

    void clear() {
      delta = 0;
    }
  }
}
