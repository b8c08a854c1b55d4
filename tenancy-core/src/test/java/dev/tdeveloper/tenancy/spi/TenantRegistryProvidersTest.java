package dev.tdeveloper.tenancy.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.tenancy.Tenant;
import dev.tdeveloper.tenancy.registry.InMemoryTenantRegistry;
import dev.tdeveloper.tenancy.registry.InMemoryTenantRegistryProvider;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TenantRegistryProvidersTest {
  @Test
  void needsANameSinceTenancyCoreBringsTwoProviders() {
    assertThatThrownBy(() -> TenantRegistry.fromProviders(Optional.empty()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("file")
        .hasMessageContaining("in-memory")
        .hasMessageContaining("configure one by name");
  }

  @Test
  void picksTheInMemoryProviderByName() {
    assertThat(TenantRegistry.fromProviders(Optional.of("in-memory")))
        .isInstanceOf(InMemoryTenantRegistry.class);
  }

  @Test
  void everyCallCreatesASeparateRegistry() {
    TenantRegistry first = TenantRegistry.fromProviders(Optional.of("in-memory"));
    first.create(Tenant.builder("acme").build());

    assertThat(TenantRegistry.fromProviders(Optional.of("in-memory")).list()).isEmpty();
  }

  @Test
  void unknownNameFailsListingTheProvidersFound() {
    assertThatThrownBy(() -> TenantRegistry.fromProviders(Optional.of("postgres")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("postgres")
        .hasMessageContaining("in-memory");
  }

  @Test
  void inMemoryProviderRefusesSettingsMeantForAnotherBackend() {
    assertThatThrownBy(
            () -> TenantRegistry.fromProviders(Optional.of("in-memory"), Map.of("url", "jdbc:x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("in-memory")
        .hasMessageContaining("url");
  }

  @Test
  void providerIsNamedInMemory() {
    assertThat(new InMemoryTenantRegistryProvider().name()).isEqualTo("in-memory");
    assertThat(TenantRegistry.inMemory()).isInstanceOf(InMemoryTenantRegistry.class);
  }
}
