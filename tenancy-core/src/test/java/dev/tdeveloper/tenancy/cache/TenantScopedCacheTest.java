package dev.tdeveloper.tenancy.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.context.NoTenantBoundException;
import dev.tdeveloper.tenancy.context.TenantContext;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TenantScopedCacheTest {
  private static final TenantId A = TenantId.of("acme");
  private static final TenantId B = TenantId.of("globex");

  private final TenantScopedCache<String, String> cache =
      TenantScopedCache.builder()
          .maximumEntriesPerTenant(100)
          .executor(Runnable::run)
          .recordStats()
          .build();

  @Test
  void sameKeyUnderTwoTenantsHoldsTwoValues() {
    cache.put(A, "k", "a-value");
    cache.put(B, "k", "b-value");

    assertThat(cache.getIfPresent(A, "k")).contains("a-value");
    assertThat(cache.getIfPresent(B, "k")).contains("b-value");
    assertThat(cache.getIfPresent(TenantId.of("initech"), "k")).isEmpty();
  }

  @Test
  void tenantCannotOverwriteOrInvalidateAnothersEntry() {
    cache.put(A, "k", "a-value");
    cache.put(B, "k", "b-value");
    cache.invalidate(B, "k");
    cache.put(B, "k", "b-again");

    assertThat(cache.getIfPresent(A, "k")).contains("a-value");
    assertThat(cache.getIfPresent(B, "k")).contains("b-again");
  }

  @Test
  void invalidateTenantLeavesOtherTenantsIntact() {
    for (int i = 0; i < 10; i++) {
      cache.put(A, "k" + i, "a" + i);
      cache.put(B, "k" + i, "b" + i);
    }

    cache.invalidateTenant(A);

    assertThat(cache.estimatedSize(A)).isZero();
    assertThat(cache.estimatedSize(B)).isEqualTo(10);
    for (int i = 0; i < 10; i++) {
      assertThat(cache.getIfPresent(A, "k" + i)).isEmpty();
      assertThat(cache.getIfPresent(B, "k" + i)).contains("b" + i);
    }
    cache.put(A, "k0", "fresh");
    assertThat(cache.getIfPresent(A, "k0")).contains("fresh");
  }

  @Test
  void loaderRunsOncePerTenantAndKey() {
    AtomicInteger loads = new AtomicInteger();

    String first = cache.get(A, "k", key -> key + "@" + A + "#" + loads.incrementAndGet());
    String again = cache.get(A, "k", key -> key + "@" + A + "#" + loads.incrementAndGet());
    String other = cache.get(B, "k", key -> key + "@" + B + "#" + loads.incrementAndGet());

    assertThat(first).isEqualTo("k@acme#1").isEqualTo(again);
    assertThat(other).isEqualTo("k@globex#2");
    assertThat(loads).hasValue(2);
  }

  @Test
  void loaderReturningNullCachesNothingAndThrows() {
    assertThatThrownBy(() -> cache.get(A, "k", key -> null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("loader returned null for tenant 'acme'");
    assertThat(cache.getIfPresent(A, "k")).isEmpty();
  }

  @Test
  void failingLoaderPropagatesAndCachesNothing() {
    IllegalStateException failure = new IllegalStateException("backend down");
    assertThatThrownBy(
            () ->
                cache.get(
                    A,
                    "k",
                    key -> {
                      throw failure;
                    }))
        .isSameAs(failure);
    assertThat(cache.getIfPresent(A, "k")).isEmpty();
    assertThat(cache.get(A, "k", key -> "loaded")).isEqualTo("loaded");
    assertThat(cache.stats(A).loadFailureCount()).isEqualTo(1);
  }

  @Test
  void implicitVariantsUseTheBoundTenant() {
    TenantContext.run(A, () -> cache.put("k", "a-value"));
    TenantContext.run(B, () -> cache.put("k", "b-value"));

    TenantContext.run(
        A,
        () -> {
          assertThat(cache.getIfPresent("k")).contains("a-value");
          assertThat(cache.get("other", key -> "loaded-by-a")).isEqualTo("loaded-by-a");
          cache.invalidate("k");
          assertThat(cache.getIfPresent("k")).isEmpty();
        });
    assertThat(cache.getIfPresent(A, "other")).contains("loaded-by-a");
    assertThat(cache.getIfPresent(B, "other")).isEmpty();
    assertThat(cache.getIfPresent(B, "k")).contains("b-value");
  }

  @Test
  void implicitVariantsWithoutBoundTenantThrowAndChangeNothing() {
    assertThat(TenantContext.current()).isEmpty();

    assertThatThrownBy(() -> cache.getIfPresent("k")).isInstanceOf(NoTenantBoundException.class);
    assertThatThrownBy(() -> cache.get("k", key -> "v")).isInstanceOf(NoTenantBoundException.class);
    assertThatThrownBy(() -> cache.put("k", "v")).isInstanceOf(NoTenantBoundException.class);
    assertThatThrownBy(() -> cache.invalidate("k")).isInstanceOf(NoTenantBoundException.class);
    assertThat(cache.toString()).isEqualTo("TenantScopedCache{tenants=0}");
  }

  @Test
  void rejectsNullArgumentsByName() {
    assertThatThrownBy(() -> cache.getIfPresent(null, "k")).hasMessage("tenant");
    assertThatThrownBy(() -> cache.getIfPresent(A, null)).hasMessage("key");
    assertThatThrownBy(() -> cache.put(A, "k", null)).hasMessage("value");
    assertThatThrownBy(() -> cache.get(A, "k", null)).hasMessage("loader");
    assertThatThrownBy(() -> cache.invalidate(A, null)).hasMessage("key");
    assertThatThrownBy(() -> cache.invalidateTenant(null)).hasMessage("tenant");
    assertThatThrownBy(() -> cache.estimatedSize(null)).hasMessage("tenant");
    assertThatThrownBy(() -> cache.stats(null)).hasMessage("tenant");
    assertThat(cache.estimatedSize(A)).isZero();
  }

  @Test
  void statsArePerTenant() {
    cache.put(A, "k", "v");
    cache.getIfPresent(A, "k");
    cache.getIfPresent(A, "k");
    cache.getIfPresent(A, "missing");
    cache.get(B, "k", key -> "loaded");

    assertThat(cache.stats(A).hitCount()).isEqualTo(2);
    assertThat(cache.stats(A).missCount()).isEqualTo(1);
    assertThat(cache.stats(A).loadCount()).isZero();
    assertThat(cache.stats(B).hitCount()).isZero();
    assertThat(cache.stats(B).missCount()).isEqualTo(1);
    assertThat(cache.stats(B).loadSuccessCount()).isEqualTo(1);

    cache.get(B, "k", key -> "not called");
    assertThat(cache.stats(B).hitCount()).isEqualTo(1);
    assertThat(cache.stats(B).loadCount()).isEqualTo(1);
    assertThat(cache.stats(TenantId.of("initech")).requestCount()).isZero();
  }

  @Test
  void statsAreEmptyWhenNotRecorded() {
    TenantScopedCache<String, String> plain =
        TenantScopedCache.builder().maximumEntriesPerTenant(10).build();
    plain.put(A, "k", "v");
    plain.getIfPresent(A, "k");

    assertThat(plain.stats(A).requestCount()).isZero();
  }
}
