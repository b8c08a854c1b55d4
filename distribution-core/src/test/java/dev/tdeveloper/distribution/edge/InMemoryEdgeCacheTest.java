package dev.tdeveloper.distribution.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.distribution.spi.EdgeCache;
import dev.tdeveloper.distribution.testkit.EdgeCacheContract;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InMemoryEdgeCacheTest extends EdgeCacheContract {
  private static final TenantId A = TenantId.of("a");
  private static final TenantId B = TenantId.of("b");
  private static final Duration TTL = Duration.ofMinutes(1);

  @Override
  protected EdgeCache createCache(ManualClock clock, int maxEntriesPerTenant) {
    return InMemoryEdgeCache.create(maxEntriesPerTenant, 100, clock);
  }

  @Test
  void evictsTheTenantsLeastRecentlyUsedEntry() {
    InMemoryEdgeCache cache = InMemoryEdgeCache.create(2, 10, new ManualClock());
    cache.put(A, "1", response("1"), TTL, Set.of("t-a"));
    cache.put(A, "2", response("2"), TTL, Set.of("t-a"));
    cache.get(A, "1");
    cache.put(A, "3", response("3"), TTL, Set.of("t-a"));
    assertThat(cache.get(A, "2")).isEmpty();
    assertThat(cache.get(A, "1")).isPresent();
    assertThat(cache.size(A)).isEqualTo(2);
    assertThat(cache.purge(A, "t-a")).as("the index forgot the evicted entry").isEqualTo(2);
  }

  @Test
  void dropsExpiredEntriesBeforeEvictingFreshOnes() {
    ManualClock clock = new ManualClock();
    InMemoryEdgeCache cache = InMemoryEdgeCache.create(2, 10, clock);
    cache.put(A, "old", response("o"), Duration.ofSeconds(1), Set.of());
    cache.put(A, "fresh", response("f"), TTL, Set.of());
    clock.advance(Duration.ofSeconds(2));
    cache.put(A, "new", response("n"), TTL, Set.of());
    assertThat(cache.get(A, "fresh")).isPresent();
    assertThat(cache.get(A, "new")).isPresent();
  }

  @Test
  void declinesANewTenantBeyondTheTenantCapInsteadOfEvicting() {
    InMemoryEdgeCache cache = InMemoryEdgeCache.create(10, 1, new ManualClock());
    cache.put(A, "k", response("a"), TTL, Set.of());
    cache.put(B, "k", response("b"), TTL, Set.of());
    assertThat(cache.get(B, "k")).isEmpty();
    assertThat(cache.get(A, "k")).isPresent();
    cache.purgeTenant(A);
    cache.put(B, "k", response("b"), TTL, Set.of());
    assertThat(cache.get(B, "k")).isPresent();
  }

  @Test
  void validatesCaps() {
    assertThatThrownBy(() -> InMemoryEdgeCache.create(0, 1, new ManualClock()))
        .hasMessageContaining("maxEntriesPerTenant is 0");
    assertThatThrownBy(() -> InMemoryEdgeCache.create(1, 0, new ManualClock()))
        .hasMessageContaining("maxTenants is 0");
  }

  @Test
  void storedBodyCannotBeChangedByTheCaller() {
    InMemoryEdgeCache cache = InMemoryEdgeCache.create();
    byte[] body = {1, 2, 3};
    cache.put(A, "k", new CachedResponse(200, java.util.Map.of(), body), TTL, Set.of());
    body[0] = 9;
    cache.get(A, "k").orElseThrow().body()[1] = 9;
    assertThat(cache.get(A, "k").orElseThrow().body()).containsExactly(1, 2, 3);
  }
}
