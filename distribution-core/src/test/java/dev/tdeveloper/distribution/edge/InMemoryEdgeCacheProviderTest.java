package dev.tdeveloper.distribution.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.distribution.spi.EdgeCacheProvider;
import dev.tdeveloper.tenancy.TenantId;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InMemoryEdgeCacheProviderTest {
  @Test
  void serviceLoaderFindsTheInMemoryCache() {
    assertThat(EdgeCacheProvider.select(Optional.empty()).name()).isEqualTo("in-memory");
  }

  @Test
  void capsComeFromProperties() {
    var cache =
        new InMemoryEdgeCacheProvider()
            .create(Map.of("max-entries-per-tenant", "1", "max-tenants", "5"));
    TenantId acme = TenantId.of("acme");
    CachedResponse one = new CachedResponse(200, Map.of(), new byte[] {1});
    cache.put(acme, "k1", one, Duration.ofMinutes(1), Set.of());
    cache.put(acme, "k2", one, Duration.ofMinutes(1), Set.of());
    assertThat(cache.get(acme, "k1")).isEmpty();
    assertThat(cache.get(acme, "k2")).isPresent();
  }

  @Test
  void unknownOrInvalidPropertiesAreRefusedByName() {
    var provider = new InMemoryEdgeCacheProvider();
    assertThatThrownBy(() -> provider.create(Map.of("max-entries", "3")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown property 'max-entries'")
        .hasMessageContaining("max-entries-per-tenant");
    assertThatThrownBy(() -> provider.create(Map.of("max-tenants", "0")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'max-tenants'")
        .hasMessageContaining("'0'")
        .hasMessageContaining("allowed: a whole number from 1");
  }
}
