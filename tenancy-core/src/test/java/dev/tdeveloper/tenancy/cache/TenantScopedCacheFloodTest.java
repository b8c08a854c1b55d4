package dev.tdeveloper.tenancy.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.tenancy.TenantId;
import org.junit.jupiter.api.Test;

/** A tenant flooding the cache must only ever evict its own entries. */
class TenantScopedCacheFloodTest {
  private static final TenantId A = TenantId.of("quiet");
  private static final TenantId B = TenantId.of("noisy");
  private static final int HOT = 100;
  private static final int FLOOD = 1_000_000;

  @Test
  void floodOfOneTenantNeverEvictsAnothersHotEntries() {
    TenantScopedCache<Integer, String> cache =
        TenantScopedCache.builder()
            .maximumEntriesPerTenant(1_000)
            .executor(Runnable::run)
            .recordStats()
            .build();
    for (int i = 0; i < HOT; i++) {
      cache.put(A, i, "a" + i);
      cache.getIfPresent(A, i);
    }

    for (int i = 0; i < FLOOD; i++) {
      cache.put(B, i, "flood");
    }
    cache.cleanUp();

    for (int i = 0; i < HOT; i++) {
      assertThat(cache.getIfPresent(A, i)).as("hot entry %s of A", i).contains("a" + i);
    }
    assertThat(cache.estimatedSize(A)).isEqualTo(HOT);
    assertThat(cache.stats(A).evictionCount()).isZero();
    assertThat(cache.estimatedSize(B)).isEqualTo(1_000);
    assertThat(cache.stats(B).evictionCount()).isEqualTo(FLOOD - 1_000);
  }

  @Test
  void heavyValuesOfOneTenantNeverEvictAnothersEntries() {
    TenantScopedCache<Integer, byte[]> cache =
        TenantScopedCache.builder()
            .maximumWeightPerTenant(64 * 1024)
            .weigher((Integer key, byte[] value) -> value.length)
            .executor(Runnable::run)
            .build();
    for (int i = 0; i < HOT; i++) {
      cache.put(A, i, new byte[100]);
    }

    for (int i = 0; i < 10_000; i++) {
      cache.put(B, i, new byte[4 * 1024]);
    }
    cache.cleanUp();

    for (int i = 0; i < HOT; i++) {
      assertThat(cache.getIfPresent(A, i)).as("entry %s of A", i).isPresent();
    }
    assertThat(cache.estimatedSize(B)).isLessThanOrEqualTo(16);
  }
}
