package dev.tdeveloper.tenancy.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.tenancy.spi.ProviderSelector;
import dev.tdeveloper.tenancy.spi.UsageStore;
import dev.tdeveloper.tenancy.spi.UsageStoreProvider;
import dev.tdeveloper.tenancy.testkit.UsageStoreContract;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InMemoryUsageStoreTest extends UsageStoreContract {
  @Override
  protected UsageStore createStore() {
    return new InMemoryUsageStore();
  }

  @Test
  void isFoundThroughServiceLoaderByName() {
    UsageStoreProvider provider =
        ProviderSelector.select(UsageStoreProvider.class, Optional.of("in-memory"), "tenancy-core");
    try (UsageStore store = provider.create(Map.of())) {
      assertThat(store).isInstanceOf(InMemoryUsageStore.class);
    }
    assertThatThrownBy(() -> provider.create(Map.of("directory", "/tmp")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[directory]");
  }

  @Test
  void countsStoredEvents() {
    InMemoryUsageStore store = new InMemoryUsageStore();
    store.append(event("acme", "1", 1));
    assertThat(store.size()).isEqualTo(1);
  }
}
