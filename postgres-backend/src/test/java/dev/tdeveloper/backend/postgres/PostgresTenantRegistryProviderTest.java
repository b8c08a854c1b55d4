package dev.tdeveloper.backend.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.tenancy.Tenant;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.spi.TenantRegistry;
import dev.tdeveloper.tenancy.testkit.servers.LocalPostgres;
import dev.tdeveloper.tenancy.testkit.servers.LocalPostgresExtension;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LocalPostgresExtension.class)
class PostgresTenantRegistryProviderTest {

  @Test
  void isFoundByNameAndSharesTenantsBetweenInstances(LocalPostgres postgres) {
    Map<String, String> config =
        Map.of(
            PostgresTenantRegistryProvider.URL, postgres.jdbcUrl(),
            PostgresTenantRegistryProvider.USER, postgres.user(),
            PostgresTenantRegistryProvider.PASSWORD, postgres.password(),
            PostgresTenantRegistryProvider.TABLE, "provider_test.tenants",
            PostgresTenantRegistryProvider.POOL_SIZE, "2");
    TenantRegistry first = TenantRegistry.fromProviders(Optional.of("postgres"), config);
    TenantRegistry second = TenantRegistry.fromProviders(Optional.of("postgres"), config);
    try {
      assertThat(first).isInstanceOf(PostgresTenantRegistry.class);
      first.create(Tenant.builder("shared").build());
      assertThat(second.find(TenantId.of("shared"))).isPresent();
    } finally {
      ((PostgresTenantRegistry) first).close();
      ((PostgresTenantRegistry) second).close();
    }
  }

  @Test
  void refusesUnknownMissingAndInvalidSettings() {
    PostgresTenantRegistryProvider provider = new PostgresTenantRegistryProvider();
    assertThat(provider.name()).isEqualTo("postgres");
    assertThatThrownBy(() -> provider.create(Map.of("url", "jdbc:postgresql://x/y", "nope", "1")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[nope]");
    assertThatThrownBy(() -> provider.create(Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("url must be a jdbc:postgresql: URL, was missing");
    assertThatThrownBy(() -> provider.create(Map.of("url", "jdbc:mysql://x/y")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("jdbc:mysql://x/y");
    assertThatThrownBy(
            () -> provider.create(Map.of("url", "jdbc:postgresql://x/y", "pool-size", "0")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("pool-size must be 1 to 100, was '0'");
  }

  @Test
  void refusesABadTableName() {
    assertThatThrownBy(
            () -> PostgresTenantRegistry.of(new org.postgresql.ds.PGSimpleDataSource(), "a.b.c"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> PostgresTenantRegistry.of(new org.postgresql.ds.PGSimpleDataSource(), "x; drop"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[a-z_][a-z0-9_]{0,62}");
  }
}
