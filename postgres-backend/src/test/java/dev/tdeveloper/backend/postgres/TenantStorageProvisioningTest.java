package dev.tdeveloper.backend.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.tenancy.IsolationMode;
import dev.tdeveloper.tenancy.Tenant;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.TenantStatus;
import dev.tdeveloper.tenancy.provision.ProvisioningFailedException;
import dev.tdeveloper.tenancy.provision.ProvisioningStep;
import dev.tdeveloper.tenancy.provision.TenantProvisioner;
import dev.tdeveloper.tenancy.spi.TenantRegistry;
import dev.tdeveloper.tenancy.testkit.servers.LocalPostgres;
import dev.tdeveloper.tenancy.testkit.servers.LocalPostgresExtension;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@ExtendWith(LocalPostgresExtension.class)
class TenantStorageProvisioningTest {
  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static final TenantId NEWCO = TenantId.of("new-co");

  private final LocalPostgres postgres;

  TenantStorageProvisioningTest(LocalPostgres postgres) {
    this.postgres = postgres;
  }

  private Fixture fixture(IsolationMode mode) throws SQLException {
    return new Fixture(postgres, mode, "prov" + COUNTER.incrementAndGet(), 2);
  }

  @ParameterizedTest
  @EnumSource(IsolationMode.class)
  void provisioningCreatesStorageTheDataSourceCanUse(IsolationMode mode) throws Exception {
    try (Fixture f = fixture(mode)) {
      TenantProvisioner provisioner =
          TenantProvisioner.builder()
              .registry(TenantRegistry.inMemory())
              .provisionSteps(List.of(f.storage.provisioningStep()))
              .build();

      Tenant tenant = provisioner.provision(Tenant.builder(NEWCO).isolation(mode).build());

      assertThat(tenant.status()).isEqualTo(TenantStatus.ACTIVE);
      assertThat(storageExists(f)).isTrue();
      try (Connection c = f.dataSource.getConnection(NEWCO);
          Statement statement = c.createStatement()) {
        c.setAutoCommit(false);
        statement.executeUpdate("INSERT INTO items (owner) VALUES ('new-co')");
        c.commit();
        try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM items")) {
          rows.next();
          assertThat(rows.getInt(1)).isEqualTo(1);
        }
      }
    }
  }

  @ParameterizedTest
  @EnumSource(IsolationMode.class)
  void aFailedSagaDropsTheStorageItCreated(IsolationMode mode) throws Exception {
    try (Fixture f = fixture(mode)) {
      ProvisioningStep failing =
          ProvisioningStep.of(
              "welcome-mail",
              context -> {
                throw new IllegalStateException("mail server down");
              },
              context -> {});
      TenantProvisioner provisioner =
          TenantProvisioner.builder()
              .registry(TenantRegistry.inMemory())
              .provisionSteps(List.of(f.storage.provisioningStep(), failing))
              .build();

      assertThatThrownBy(() -> provisioner.provision(Tenant.builder(NEWCO).isolation(mode).build()))
          .isInstanceOf(ProvisioningFailedException.class);

      assertThat(storageExists(f)).isFalse();
    }
  }

  /** Whether the tenant's database, schema or key (by mode) exists, as the superuser sees it. */
  private boolean storageExists(Fixture f) throws SQLException {
    String sql =
        switch (f.mode) {
          case DATABASE -> "SELECT 1 FROM pg_database WHERE datname = ?";
          case SCHEMA -> "SELECT 1 FROM pg_namespace WHERE nspname = ?";
          case ROW -> "SELECT 1 FROM tenancy.tenant_keys WHERE tenant_id = ?";
        };
    try (Connection admin = postgres.connect(f.database);
        PreparedStatement query = admin.prepareStatement(sql)) {
      query.setString(
          1, f.mode == IsolationMode.ROW ? NEWCO.value() : f.storage.storageName(NEWCO));
      try (ResultSet row = query.executeQuery()) {
        return row.next();
      }
    }
  }
}
