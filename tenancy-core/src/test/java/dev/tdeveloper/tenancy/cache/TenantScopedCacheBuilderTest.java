package dev.tdeveloper.tenancy.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TenantScopedCacheBuilderTest {
  private static final TenantId A = TenantId.of("acme");

  @ParameterizedTest
  @ValueSource(longs = {0, -1, Long.MIN_VALUE})
  void rejectsNonPositiveBudgetsNamingFieldAndValue(long bad) {
    assertThatThrownBy(() -> TenantScopedCache.builder().maximumEntriesPerTenant(bad))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maximumEntriesPerTenant must be > 0, was " + bad);
    assertThatThrownBy(() -> TenantScopedCache.builder().maximumWeightPerTenant(bad))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maximumWeightPerTenant must be > 0, was " + bad);
  }

  @Test
  void rejectsNonPositiveDurations() {
    assertThatThrownBy(() -> TenantScopedCache.builder().expireAfterWrite(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("expireAfterWrite must be a positive duration, was PT0S");
    assertThatThrownBy(
            () -> TenantScopedCache.builder().expireIdleTenantsAfter(Duration.ofSeconds(-5)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("expireIdleTenantsAfter must be a positive duration, was PT-5S");
  }

  @Test
  void rejectedValueLeavesTheSetterUnused() {
    TenantScopedCacheBuilder<Object, Object> builder = TenantScopedCache.builder();
    assertThatThrownBy(() -> builder.maximumEntriesPerTenant(0))
        .isInstanceOf(IllegalArgumentException.class);

    TenantScopedCache<String, String> cache =
        builder.maximumEntriesPerTenant(1).executor(Runnable::run).build();
    cache.put(A, "k1", "v");
    cache.put(A, "k2", "v");
    cache.cleanUp();
    assertThat(cache.estimatedSize(A)).isEqualTo(1);
  }

  @Test
  void rejectsEverySetterTwiceNamingTheCurrentValue() {
    assertThatThrownBy(
            () -> TenantScopedCache.builder().maximumEntriesPerTenant(5).maximumEntriesPerTenant(6))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("maximumEntriesPerTenant was already set to 5");
    assertThatThrownBy(
            () -> TenantScopedCache.builder().maximumWeightPerTenant(5).maximumWeightPerTenant(6))
        .hasMessage("maximumWeightPerTenant was already set to 5");
    assertThatThrownBy(() -> TenantScopedCache.builder().weigher((k, v) -> 1).weigher((k, v) -> 2))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("weigher was already set to ");
    assertThatThrownBy(
            () ->
                TenantScopedCache.builder()
                    .expireAfterWrite(Duration.ofSeconds(1))
                    .expireAfterWrite(Duration.ofSeconds(2)))
        .hasMessage("expireAfterWrite was already set to PT1S");
    assertThatThrownBy(
            () ->
                TenantScopedCache.builder()
                    .expireIdleTenantsAfter(Duration.ofMinutes(1))
                    .expireIdleTenantsAfter(Duration.ofMinutes(2)))
        .hasMessage("expireIdleTenantsAfter was already set to PT1M");
    ManualClock clock = new ManualClock();
    assertThatThrownBy(() -> TenantScopedCache.builder().ticker(clock).ticker(clock))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("ticker was already set to ");
    assertThatThrownBy(
            () -> TenantScopedCache.builder().executor(Runnable::run).executor(Runnable::run))
        .hasMessageStartingWith("executor was already set to ");
    assertThatThrownBy(() -> TenantScopedCache.builder().recordStats().recordStats())
        .hasMessage("recordStats was already set to true");
  }

  @Test
  void rejectsNullArgumentsByName() {
    TenantScopedCacheBuilder<Object, Object> builder = TenantScopedCache.builder();
    assertThatThrownBy(() -> builder.weigher(null)).hasMessage("weigher");
    assertThatThrownBy(() -> builder.expireAfterWrite(null)).hasMessage("duration");
    assertThatThrownBy(() -> builder.expireIdleTenantsAfter(null)).hasMessage("duration");
    assertThatThrownBy(() -> builder.ticker(null)).hasMessage("ticker");
    assertThatThrownBy(() -> builder.executor(null)).hasMessage("executor");
    assertThatThrownBy(() -> builder.addListener(null)).hasMessage("listener");
  }

  @Test
  void requiresExactlyOneConsistentBudget() {
    assertThatThrownBy(() -> TenantScopedCache.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("a per-tenant budget is required");
    assertThatThrownBy(
            () ->
                TenantScopedCache.builder()
                    .maximumEntriesPerTenant(10)
                    .maximumWeightPerTenant(20)
                    .weigher((k, v) -> 1)
                    .build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("maximumEntriesPerTenant (10) and maximumWeightPerTenant (20)");
    assertThatThrownBy(() -> TenantScopedCache.builder().maximumWeightPerTenant(20).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("maximumWeightPerTenant (20) requires a weigher");
    assertThatThrownBy(
            () ->
                TenantScopedCache.builder()
                    .maximumEntriesPerTenant(10)
                    .weigher((k, v) -> 1)
                    .build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("weigher requires maximumWeightPerTenant");
  }

  @Test
  void buildsIndependentCachesFromOneBuilder() {
    TenantScopedCacheBuilder<Object, Object> builder =
        TenantScopedCache.builder().maximumEntriesPerTenant(10);
    TenantScopedCache<String, String> first = builder.build();
    TenantScopedCache<String, String> second = builder.build();

    first.put(A, "k", "v");

    assertThat(second.getIfPresent(A, "k")).isEmpty();
  }

  @Test
  void acceptsDurationsBeyondTheNanosecondRange() {
    TenantScopedCache<String, String> cache =
        TenantScopedCache.builder()
            .maximumEntriesPerTenant(10)
            .expireIdleTenantsAfter(Duration.ofSeconds(Long.MAX_VALUE))
            .ticker(new ManualClock())
            .build();
    cache.put(A, "k", "v");
    cache.cleanUp();

    assertThat(cache.getIfPresent(A, "k")).contains("v");
  }
}
