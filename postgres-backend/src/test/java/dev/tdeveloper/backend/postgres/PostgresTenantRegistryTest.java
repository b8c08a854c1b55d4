package dev.tdeveloper.backend.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.tdeveloper.tenancy.IsolationMode;
import dev.tdeveloper.tenancy.Tenant;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.TenantStatus;
import dev.tdeveloper.tenancy.spi.TenantRegistry;
import dev.tdeveloper.tenancy.testkit.TenantRegistryContract;
import dev.tdeveloper.tenancy.testkit.servers.LocalPostgres;
import dev.tdeveloper.tenancy.testkit.servers.LocalPostgresExtension;
import java.sql.Connection;
import java.sql.Statement;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LocalPostgresExtension.class)
class PostgresTenantRegistryTest extends TenantRegistryContract {
  private static final AtomicInteger TABLES = new AtomicInteger();
  private static HikariDataSource dataSource;

  @BeforeAll
  static void openPool(LocalPostgres postgres) throws Exception {
    try (Connection admin = postgres.connect(LocalPostgres.DEFAULT_DATABASE);
        Statement statement = admin.createStatement()) {
      statement.execute("CREATE DATABASE registry_contract");
    }
    dataSource = TestPools.superuser(postgres, "registry_contract", 8);
  }

  @AfterAll
  static void closePool() {
    dataSource.close();
  }

  @Override
  protected TenantRegistry newRegistry() {
    PostgresTenantRegistry registry =
        PostgresTenantRegistry.of(dataSource, "contract.tenants_" + TABLES.incrementAndGet());
    registry.createTable();
    return registry;
  }

  @Test
  void keepsEveryFieldThroughTheDatabase() {
    Tenant tenant =
        Tenant.builder("full-house")
            .displayName("Full House Ltd. — 100% \"quoted\" 'names'")
            .plan("enterprise")
            .status(TenantStatus.ACTIVE)
            .homeRegion("eu-west-1")
            .isolation(IsolationMode.SCHEMA)
            .timeZone(ZoneId.of("Asia/Kolkata"))
            .attributes(Map.of("b", "two", "a", "one", "unicode", "ünïcødé ✓", "empty", ""))
            .build();
    registry.create(tenant);

    assertThat(registry.find(TenantId.of("full-house"))).contains(tenant);
    assertThat(registry.list()).containsExactly(tenant);
  }

  @Test
  void createTableIsIdempotentAndKeepsTenants() {
    PostgresTenantRegistry registry = (PostgresTenantRegistry) this.registry;
    registry.create(Tenant.builder("acme").build());
    registry.createTable();
    assertThat(registry.find(TenantId.of("acme"))).isPresent();
  }
}
