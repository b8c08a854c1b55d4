package com.example.nimbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.security.spi.RateLimiterStore;
import dev.tdeveloper.tenancy.Tenant;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.spi.TenantRegistry;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The providers are found by ServiceLoader and picked by name among the SDK's own. */
class NimbusProvidersTest {
  private static final Map<String, String> CONFIG = Map.of("nimbus.endpoint", "nimbus://test");

  @Test
  void theRegistryIsFoundByNameAndSharesTheServiceAcrossClients() {
    TenantRegistry first = TenantRegistry.fromProviders(Optional.of("nimbus"), CONFIG);
    TenantRegistry second = TenantRegistry.fromProviders(Optional.of("nimbus"), CONFIG);

    assertThat(first).isInstanceOf(NimbusTenantRegistry.class);
    first.create(Tenant.builder("wayne").build());
    assertThat(second.find(TenantId.of("wayne"))).isPresent();
  }

  @Test
  void theRateLimiterStoreIsFoundByName() {
    try (RateLimiterStore store = RateLimiterStore.fromProviders(Optional.of("nimbus"), CONFIG)) {
      assertThat(store).isInstanceOf(NimbusRateLimiterStore.class);
    }
  }

  @Test
  void severalProvidersNeedAName() {
    assertThatThrownBy(() -> TenantRegistry.fromProviders(Optional.empty(), CONFIG))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("nimbus")
        .hasMessageContaining("in-memory");
  }

  @Test
  void aMissingOrUnknownSettingIsNamed() {
    assertThatThrownBy(() -> TenantRegistry.fromProviders(Optional.of("nimbus"), Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("nimbus.endpoint is required");
    assertThatThrownBy(
            () ->
                TenantRegistry.fromProviders(
                    Optional.of("nimbus"), Map.of("nimbus.endpoint", "x", "nimbus.region", "y")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[nimbus.region]");
  }
}
