package dev.tdeveloper.backend.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.spi.ProviderSelector;
import dev.tdeveloper.tenancy.spi.UsageStore;
import dev.tdeveloper.tenancy.spi.UsageStoreProvider;
import dev.tdeveloper.tenancy.testkit.servers.LocalPostgres;
import dev.tdeveloper.tenancy.testkit.servers.LocalPostgresExtension;
import dev.tdeveloper.tenancy.usage.UsageEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LocalPostgresExtension.class)
class PostgresUsageStoreProviderTest {

  @Test
  void isFoundByNameAndSharesEventsBetweenInstances(LocalPostgres postgres) {
    UsageStoreProvider provider =
        ProviderSelector.select(
            UsageStoreProvider.class, Optional.of("postgres"), "dev.tdeveloper:postgres-backend");
    assertThat(provider).isInstanceOf(PostgresUsageStoreProvider.class);
    Map<String, String> config =
        Map.of(
            PostgresUsageStoreProvider.URL, postgres.jdbcUrl(),
            PostgresUsageStoreProvider.USER, postgres.user(),
            PostgresUsageStoreProvider.PASSWORD, postgres.password(),
            PostgresUsageStoreProvider.TABLE, "provider_test.usage",
            PostgresUsageStoreProvider.POOL_SIZE, "2");
    UsageEvent event =
        UsageEvent.of(TenantId.of("acme"), "api_calls", 1, Instant.EPOCH, "provider-key");
    try (UsageStore first = provider.create(config);
        UsageStore second = provider.create(config)) {
      first.append(event);
      second.append(event);
      List<UsageEvent> replayed = new ArrayList<>();
      second.replay(replayed::add);
      assertThat(replayed).containsExactly(event);
    }
  }

  @Test
  void refusesUnknownMissingAndInvalidSettings() {
    PostgresUsageStoreProvider provider = new PostgresUsageStoreProvider();
    assertThat(provider.name()).isEqualTo("postgres");
    assertThatThrownBy(() -> provider.create(Map.of("url", "jdbc:postgresql://x/y", "nope", "1")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[nope]");
    assertThatThrownBy(() -> provider.create(Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("url must be a jdbc:postgresql: URL, was missing");
    assertThatThrownBy(
            () -> provider.create(Map.of("url", "jdbc:postgresql://x/y", "pool-size", "101")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("pool-size must be 1 to 100, was '101'");
    assertThatThrownBy(() -> provider.create(Map.of("url", "jdbc:postgresql://x/y", "table", "")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("table must match");
  }
}
