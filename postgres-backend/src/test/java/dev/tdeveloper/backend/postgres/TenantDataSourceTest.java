package dev.tdeveloper.backend.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.tenancy.IsolationMode;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.context.NoTenantBoundException;
import dev.tdeveloper.tenancy.context.TenantContext;
import dev.tdeveloper.tenancy.testkit.servers.LocalPostgres;
import dev.tdeveloper.tenancy.testkit.servers.LocalPostgresExtension;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@ExtendWith(LocalPostgresExtension.class)
class TenantDataSourceTest {
  private static final TenantId ACME = TenantId.of("acme");
  private static final TenantId GLOBEX = TenantId.of("globex-corp");

  private final LocalPostgres postgres;

  TenantDataSourceTest(LocalPostgres postgres) {
    this.postgres = postgres;
  }

  private static int counter;

  private Fixture fixture(IsolationMode mode) throws SQLException {
    Fixture fixture;
    synchronized (TenantDataSourceTest.class) {
      fixture = new Fixture(postgres, mode, "tds" + (++counter), 4);
    }
    fixture.provision(ACME.value(), GLOBEX.value());
    return fixture;
  }

  private static void insert(Connection connection, String owner) throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement("INSERT INTO items (owner, note) VALUES (?, 'n')")) {
      insert.setString(1, owner);
      insert.executeUpdate();
    }
  }

  private static List<String> owners(Connection connection) throws SQLException {
    List<String> owners = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT owner FROM items ORDER BY id")) {
      while (rows.next()) {
        owners.add(rows.getString(1));
      }
    }
    return owners;
  }

  @ParameterizedTest
  @EnumSource(IsolationMode.class)
  void eachTenantSeesItsOwnRowsOnly(IsolationMode mode) throws Exception {
    try (Fixture f = fixture(mode)) {
      try (Connection acme = f.dataSource.getConnection(ACME)) {
        insert(acme, "acme");
        insert(acme, "acme");
        if (!acme.getAutoCommit()) {
          acme.commit();
        }
      }
      try (Connection globex = f.dataSource.getConnection(GLOBEX)) {
        insert(globex, "globex-corp");
        if (!globex.getAutoCommit()) {
          globex.commit();
        }
        assertThat(owners(globex)).containsExactly("globex-corp");
      }
      TenantContext.run(
          ACME,
          () -> {
            try (Connection acme = f.dataSource.getConnection()) {
              assertThat(owners(acme)).containsExactly("acme", "acme");
            } catch (SQLException e) {
              throw new AssertionError(e);
            }
          });
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = IsolationMode.class,
      names = {"ROW", "SCHEMA"})
  void bindsEveryTransactionAndRefusesAutocommit(IsolationMode mode) throws Exception {
    try (Fixture f = fixture(mode);
        Connection acme = f.dataSource.getConnection(ACME)) {
      assertThat(acme.getAutoCommit()).isFalse();
      insert(acme, "acme");
      acme.commit();
      insert(acme, "acme");
      acme.rollback();
      assertThat(owners(acme)).containsExactly("acme");
      acme.setAutoCommit(false);
      assertThatThrownBy(() -> acme.setAutoCommit(true))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("manual-commit");
      assertThat(acme.unwrap(Connection.class)).isSameAs(acme);
    }
  }

  @ParameterizedTest
  @EnumSource(IsolationMode.class)
  void closeRollsBackUncommittedWork(IsolationMode mode) throws Exception {
    try (Fixture f = fixture(mode)) {
      try (Connection acme = f.dataSource.getConnection(ACME)) {
        acme.setAutoCommit(false);
        insert(acme, "acme");
      }
      try (Connection acme = f.dataSource.getConnection(ACME)) {
        assertThat(owners(acme)).isEmpty();
      }
    }
  }

  @ParameterizedTest
  @EnumSource(IsolationMode.class)
  void requiresABoundTenant(IsolationMode mode) throws Exception {
    try (Fixture f = fixture(mode)) {
      assertThatThrownBy(f.dataSource::getConnection).isInstanceOf(NoTenantBoundException.class);
    }
  }

  @ParameterizedTest
  @EnumSource(IsolationMode.class)
  void refusesAPoolThatCouldBypassRowLevelSecurity(IsolationMode mode) throws Exception {
    try (Fixture f = fixture(mode)) {
      if (mode == IsolationMode.DATABASE) {
        try (TenantDataSource superuser = f.dataSource(postgres.user(), postgres.password(), 2)) {
          assertThatThrownBy(() -> superuser.getConnection(ACME))
              .isInstanceOf(PostgresBackendException.class)
              .hasMessageContaining("BYPASSRLS");
        }
      } else {
        assertThatThrownBy(() -> f.dataSource(postgres.user(), postgres.password(), 2))
            .isInstanceOf(PostgresBackendException.class)
            .hasMessageContaining("BYPASSRLS");
      }
    }
  }

  @ParameterizedTest
  @EnumSource(IsolationMode.class)
  void installRefusesARoleThatCouldGetAroundIsolation(IsolationMode mode) throws Exception {
    try (Fixture f = fixture(mode);
        Connection admin = postgres.connect(f.database);
        Statement statement = admin.createStatement()) {
      statement.execute("ALTER ROLE " + f.role + " BYPASSRLS");
      assertThatThrownBy(f.storage::install)
          .isInstanceOf(PostgresBackendException.class)
          .hasMessageContaining("has BYPASSRLS");
      statement.execute("ALTER ROLE " + f.role + " NOBYPASSRLS");
      statement.execute("CREATE TABLE owned (x int)");
      statement.execute("ALTER TABLE owned OWNER TO " + f.role);
      assertThatThrownBy(f.storage::install)
          .isInstanceOf(PostgresBackendException.class)
          .hasMessageContaining("owns relation owned");
      statement.execute("DROP TABLE owned");
      f.storage.install();
    }
  }

  @ParameterizedTest
  @EnumSource(IsolationMode.class)
  void dropRemovesATenantsDataAndProvisionIsIdempotent(IsolationMode mode) throws Exception {
    try (Fixture f = fixture(mode)) {
      f.provision(ACME.value());
      try (Connection acme = f.dataSource.getConnection(ACME)) {
        insert(acme, "acme");
        if (!acme.getAutoCommit()) {
          acme.commit();
        }
      }
      try (Connection globex = f.dataSource.getConnection(GLOBEX)) {
        insert(globex, "globex-corp");
        if (!globex.getAutoCommit()) {
          globex.commit();
        }
      }
      f.dataSource.evict(ACME);
      f.storage.drop(ACME);
      f.storage.drop(ACME);
      f.storage.provision(ACME);
      try (Connection acme = f.dataSource.getConnection(ACME)) {
        assertThat(owners(acme)).isEmpty();
      }
      try (Connection globex = f.dataSource.getConnection(GLOBEX)) {
        assertThat(owners(globex)).containsExactly("globex-corp");
      }
    }
  }
}
