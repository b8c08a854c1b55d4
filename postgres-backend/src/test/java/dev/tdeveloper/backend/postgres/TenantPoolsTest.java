package dev.tdeveloper.backend.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import dev.tdeveloper.tenancy.IsolationMode;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.testkit.servers.LocalPostgres;
import dev.tdeveloper.tenancy.testkit.servers.LocalPostgresExtension;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** DATABASE mode's bounded tenant pools: pool count, pool size and the connection budget. */
@ExtendWith(LocalPostgresExtension.class)
class TenantPoolsTest {
  private static final TenantId A = TenantId.of("tenant-a");
  private static final TenantId B = TenantId.of("tenant-b");
  private static final TenantId C = TenantId.of("tenant-c");
  private static int counter;

  private final LocalPostgres postgres;

  TenantPoolsTest(LocalPostgres postgres) {
    this.postgres = postgres;
  }

  private Fixture fixture() throws SQLException {
    Fixture fixture;
    synchronized (TenantPoolsTest.class) {
      fixture = new Fixture(postgres, IsolationMode.DATABASE, "pools" + (++counter), 1);
    }
    fixture.provision(A.value(), B.value(), C.value());
    return fixture;
  }

  private static TenantDataSource bounded(Fixture f, int pools, int poolSize, int budget) {
    HikariConfig pool = new HikariConfig();
    pool.setJdbcUrl(f.postgres.jdbcUrl(f.database));
    pool.setUsername(f.role);
    pool.setPassword(f.rolePassword);
    pool.setConnectionTimeout(2_000); // how long a refused checkout waits
    return TenantDataSource.builder()
        .mode(IsolationMode.DATABASE)
        .pool(pool)
        .namePrefix(f.database + "_t_")
        .maxOpenTenantPools(pools)
        .tenantPoolSize(poolSize)
        .connectionBudget(budget)
        .build();
  }

  private static String database(Connection c) throws SQLException {
    try (Statement statement = c.createStatement();
        ResultSet row = statement.executeQuery("SELECT current_database()")) {
      row.next();
      return row.getString(1);
    }
  }

  @Test
  void oneTenantAtItsMaximumLeavesConnectionsForOthers() throws Exception {
    try (Fixture f = fixture();
        TenantDataSource data = bounded(f, 10, 2, 3);
        Connection a1 = data.getConnection(A);
        Connection a2 = data.getConnection(A)) {
      assertThatThrownBy(() -> data.getConnection(A))
          .isInstanceOf(SQLTransientConnectionException.class);
      try (Connection b = data.getConnection(B)) {
        assertThat(database(b)).isEqualTo(f.storage.storageName(B));
        assertThat(database(a1)).isEqualTo(f.storage.storageName(A));
        assertThat(data.openTenantConnections()).isEqualTo(3);
      }
    }
  }

  @Test
  void busyBudgetRefusesUntilAConnectionComesBack() throws Exception {
    try (Fixture f = fixture();
        TenantDataSource data = bounded(f, 10, 2, 3)) {
      try (Connection c = data.getConnection(C)) {
        assertThat(database(c)).isEqualTo(f.storage.storageName(C));
      }
      Connection a1 = data.getConnection(A);
      try (Connection a2 = data.getConnection(A);
          Connection b = data.getConnection(B)) {
        assertThat(data.openTenantConnections()).isEqualTo(3);
        assertThatThrownBy(() -> data.getConnection(C))
            .isInstanceOf(SQLTransientConnectionException.class);
        assertThat(data.openTenantConnections()).isEqualTo(3);
        a1.close(); // soft-evicted while the budget was short: closed, not kept idle
        try (Connection c = data.getConnection(C)) {
          assertThat(database(c)).isEqualTo(f.storage.storageName(C));
          assertThat(database(a2)).isEqualTo(f.storage.storageName(A));
        }
      }
      assertThat(data.openTenantConnections()).isLessThanOrEqualTo(3);
    }
  }

  @Test
  void idleConnectionsOfOtherTenantsAreReclaimedForABusyOne() throws Exception {
    try (Fixture f = fixture();
        TenantDataSource data = bounded(f, 10, 2, 2)) {
      Connection a1 = data.getConnection(A);
      Connection a2 = data.getConnection(A);
      a1.close();
      a2.close();
      assertThat(data.openTenantConnections()).isEqualTo(2); // idle in tenant A's pool
      try (Connection b1 = data.getConnection(B);
          Connection b2 = data.getConnection(B)) {
        assertThat(database(b2)).isEqualTo(f.storage.storageName(B));
        assertThat(data.openTenantConnections()).isEqualTo(2);
      }
    }
  }

  @Test
  void leastRecentlyUsedPoolIsRetiredButClosesOnlyWhenItsConnectionsReturn() throws Exception {
    try (Fixture f = fixture();
        TenantDataSource data = bounded(f, 2, 2, 10)) {
      Connection a = data.getConnection(A);
      a.setAutoCommit(false);
      data.getConnection(B).close();
      data.getConnection(C).close(); // A's pool is the least recently checked out: retired
      assertThat(data.openTenantPools()).isEqualTo(2);
      assertThat(data.openTenantConnections()).isEqualTo(3);
      try (Statement statement = a.createStatement()) {
        statement.executeUpdate("INSERT INTO items (owner) VALUES ('tenant-a')");
      }
      a.commit();
      a.close();
      assertThat(data.openTenantConnections()).isEqualTo(2); // A's pool closed with it
      try (Connection again = data.getConnection(A); // a new pool; B's is retired now
          Statement statement = again.createStatement();
          ResultSet rows = statement.executeQuery("SELECT owner FROM items")) {
        assertThat(rows.next()).isTrue();
        assertThat(rows.getString(1)).isEqualTo("tenant-a");
        assertThat(data.openTenantPools()).isEqualTo(2);
      }
      assertThat(data.openTenantConnections()).isEqualTo(2);
    }
  }

  @Test
  void evictKeepsLentConnectionsWorkingUntilReturned() throws Exception {
    try (Fixture f = fixture();
        TenantDataSource data = bounded(f, 10, 2, 10)) {
      Connection a = data.getConnection(A);
      data.evict(A);
      assertThat(data.openTenantPools()).isZero();
      assertThat(database(a)).isEqualTo(f.storage.storageName(A));
      a.close();
      assertThat(data.openTenantConnections()).isZero();
    }
  }
}
