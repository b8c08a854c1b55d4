package dev.tdeveloper.tenancy.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.cache.TenantCacheEvent.Created;
import dev.tdeveloper.tenancy.cache.TenantCacheEvent.DropReason;
import dev.tdeveloper.tenancy.cache.TenantCacheEvent.Dropped;
import dev.tdeveloper.tenancy.context.NoTenantBoundException;
import dev.tdeveloper.tenancy.context.TenantContext;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TenantCacheTest {
  private static final TenantId A = TenantId.of("acme");
  private static final TenantId B = TenantId.of("globex");

  private final List<TenantCacheEvent> events = new CopyOnWriteArrayList<>();
  private final TenantScopedCache<String, String> cache =
      TenantScopedCache.builder()
          .maximumEntriesPerTenant(100)
          .executor(Runnable::run)
          .recordStats()
          .addListener(events::add)
          .build();

  @Test
  void viewReadsAndWritesOnlyItsOwnTenantsEntries() {
    TenantCache<String, String> a = cache.forTenant(A);
    cache.put(B, "k", "b-value");
    cache.put(B, "only-b", "b-only");

    a.put("k", "a-value");
    a.invalidate("only-b");

    assertThat(a.tenant()).isEqualTo(A);
    assertThat(a.getIfPresent("k")).contains("a-value");
    assertThat(a.getIfPresent("only-b")).isEmpty();
    assertThat(a.get("only-b", key -> "loaded-by-a")).isEqualTo("loaded-by-a");
    assertThat(cache.getIfPresent(A, "k")).contains("a-value");
    assertThat(cache.getIfPresent(B, "k")).contains("b-value");
    assertThat(cache.getIfPresent(B, "only-b")).contains("b-only");
    assertThat(cache.forTenant(B).getIfPresent("k")).contains("b-value");
  }

  @Test
  void viewSharesTheTenantsEntriesBudgetAndStatistics() {
    TenantCache<String, String> a = cache.forTenant(A);
    cache.put(A, "written-by-cache", "v");
    for (int i = 0; i < 150; i++) {
      a.put("k" + i, "v" + i);
    }
    cache.put(B, "k", "b");
    a.getIfPresent("written-by-cache");
    a.getIfPresent("missing");

    cache.cleanUp();
    assertThat(cache.estimatedSize(A)).isEqualTo(100);
    assertThat(cache.estimatedSize(B)).isEqualTo(1);
    assertThat(cache.stats(A).hitCount() + cache.stats(A).missCount()).isEqualTo(2);
    assertThat(cache.stats(B).requestCount()).isZero();
  }

  @Test
  void oldViewSeesNothingAfterInvalidateTenantAndItsNewWritesReachTheCache() {
    TenantCache<String, String> a = cache.forTenant(A);
    a.put("k", "old");
    a.put("other", "old");
    cache.put(B, "k", "b-value");

    cache.invalidateTenant(A);

    assertThat(a.getIfPresent("k")).isEmpty();
    assertThat(a.getIfPresent("other")).isEmpty();
    a.put("k", "new");
    assertThat(cache.getIfPresent(A, "k")).contains("new");
    assertThat(cache.getIfPresent(A, "other")).isEmpty();
    assertThat(a.get("other", key -> "reloaded")).isEqualTo("reloaded");
    assertThat(cache.getIfPresent(A, "other")).contains("reloaded");
    assertThat(cache.getIfPresent(B, "k")).contains("b-value");
    assertThat(events)
        .containsExactly(
            new Created(A),
            new Created(B),
            new Dropped(A, DropReason.INVALIDATED, 2),
            new Created(A));
  }

  @Test
  void viewSeesWritesMadeThroughTheCacheAfterADrop() {
    TenantCache<String, String> a = cache.forTenant(A);
    a.put("k", "old");
    cache.invalidateTenant(A);

    cache.put(A, "k", "via-cache");

    assertThat(a.getIfPresent("k")).contains("via-cache");
    a.invalidate("k");
    assertThat(cache.getIfPresent(A, "k")).isEmpty();
  }

  @Test
  void viewOfATenantWithoutCacheCreatesNoneUntilItWrites() {
    TenantCache<String, String> a = cache.forTenant(A);

    assertThat(a.getIfPresent("k")).isEmpty();
    a.invalidate("k");
    assertThat(events).isEmpty();
    assertThat(cache).hasToString("TenantScopedCache{tenants=0}");

    a.put("k", "v");
    assertThat(events).containsExactly(new Created(A));
    assertThat(a).hasToString("TenantCache{tenant=acme}");
  }

  @Test
  void loaderThroughViewRunsOnceAndNullOrFailureCachesNothing() {
    TenantCache<String, String> a = cache.forTenant(A);
    AtomicInteger loads = new AtomicInteger();

    assertThat(a.get("k", key -> key + "#" + loads.incrementAndGet())).isEqualTo("k#1");
    assertThat(a.get("k", key -> key + "#" + loads.incrementAndGet())).isEqualTo("k#1");
    assertThatThrownBy(() -> a.get("null", key -> null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("loader returned null for tenant 'acme'");
    assertThatThrownBy(
            () ->
                a.get(
                    "failing",
                    key -> {
                      throw new IllegalStateException("backend down");
                    }))
        .hasMessage("backend down");

    assertThat(loads).hasValue(1);
    assertThat(a.getIfPresent("null")).isEmpty();
    assertThat(a.getIfPresent("failing")).isEmpty();
    assertThat(cache.stats(A).loadFailureCount()).isEqualTo(2);
  }

  @Test
  void forCurrentTenantKeepsTheTenantBoundWhenItWasObtained() {
    TenantCache<String, String> a = TenantContext.get(A, cache::forCurrentTenant);

    TenantContext.run(B, () -> a.put("k", "written-while-b-bound"));

    assertThat(a.tenant()).isEqualTo(A);
    assertThat(cache.getIfPresent(A, "k")).contains("written-while-b-bound");
    assertThat(cache.getIfPresent(B, "k")).isEmpty();
    assertThatThrownBy(cache::forCurrentTenant).isInstanceOf(NoTenantBoundException.class);
  }

  @Test
  void rejectsNullArgumentsByNameAndChangesNothing() {
    TenantCache<String, String> a = cache.forTenant(A);

    assertThatThrownBy(() -> cache.forTenant(null)).hasMessage("tenant");
    assertThatThrownBy(() -> a.getIfPresent(null)).hasMessage("key");
    assertThatThrownBy(() -> a.get(null, key -> "v")).hasMessage("key");
    assertThatThrownBy(() -> a.get("k", null)).hasMessage("loader");
    assertThatThrownBy(() -> a.put(null, "v")).hasMessage("key");
    assertThatThrownBy(() -> a.put("k", null)).hasMessage("value");
    assertThatThrownBy(() -> a.invalidate(null)).hasMessage("key");

    assertThat(events).isEmpty();
    assertThat(cache.estimatedSize(A)).isZero();
  }
}
