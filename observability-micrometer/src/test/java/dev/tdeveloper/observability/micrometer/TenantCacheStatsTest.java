package dev.tdeveloper.observability.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.observability.metrics.TenantCardinalityGuard;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.cache.TenantScopedCache;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class TenantCacheStatsTest {
  private static final TenantId ACME = TenantId.of("acme");
  private static final TenantId GLOBEX = TenantId.of("globex");

  private final ManualClock clock = new ManualClock();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final TenantCardinalityGuard guard =
      TenantCardinalityGuard.builder().topTenants(2).clock(clock).build();
  private final TdeveloperMetrics metrics =
      TdeveloperMetrics.builder(registry).tenantGuard(guard).build();
  private final TenantScopedCache<String, String> cache =
      TenantScopedCache.builder()
          .maximumEntriesPerTenant(2)
          .executor(Runnable::run)
          .recordStats()
          .build();

  private double gets(TenantId tenant, String result) {
    return registry
        .get("tdeveloper.tenant.cache.gets")
        .tags("cache", "sessions", "tenant", tenant.value(), "result", result)
        .functionCounter()
        .count();
  }

  @Test
  void hitsMissesEvictionsAndSizeAreReadPerTenantWithoutMixingTenants() {
    guard.tag(ACME);
    guard.tag(GLOBEX);
    metrics.bind("sessions", cache);
    cache.put(ACME, "a", "1");
    cache.getIfPresent(ACME, "a");
    cache.getIfPresent(ACME, "a");
    cache.getIfPresent(ACME, "missing");
    for (int i = 0; i < 10; i++) {
      cache.put(GLOBEX, "k" + i, "v");
    }
    cache.getIfPresent(GLOBEX, "a"); // acme's key, never globex's entry
    cache.cleanUp();

    assertThat(gets(ACME, "hit")).isEqualTo(2);
    assertThat(gets(ACME, "miss")).isEqualTo(1);
    assertThat(gets(GLOBEX, "hit")).isZero();
    assertThat(gets(GLOBEX, "miss")).isEqualTo(1);
    assertThat(
            registry
                .get("tdeveloper.tenant.cache.evictions")
                .tag("tenant", "globex")
                .functionCounter()
                .count())
        .isEqualTo(8);
    assertThat(
            registry
                .get("tdeveloper.tenant.cache.evictions")
                .tag("tenant", "acme")
                .functionCounter()
                .count())
        .isZero();
    assertThat(registry.get("tdeveloper.tenant.cache.size").tag("tenant", "acme").gauge().value())
        .isEqualTo(1);
  }

  @Test
  void countsNeverGoDownWhenATenantsCacheIsDroppedAndStartsAgain() {
    guard.tag(ACME);
    metrics.bind("sessions", cache);
    cache.put(ACME, "a", "1");
    cache.getIfPresent(ACME, "a");
    cache.getIfPresent(ACME, "a");
    assertThat(gets(ACME, "hit")).isEqualTo(2);
    cache.invalidateTenant(ACME); // statistics restart at zero
    cache.put(ACME, "a", "1");
    cache.getIfPresent(ACME, "a");
    assertThat(gets(ACME, "hit")).isEqualTo(3);
  }

  @Test
  void onlyTenantsWithTheirOwnTagHaveMetersAndAPromotedTenantGetsThem() {
    TenantId[] tenants = new TenantId[20];
    for (int i = 0; i < tenants.length; i++) {
      tenants[i] = TenantId.of("t-" + i);
      guard.tag(tenants[i]);
    }
    metrics.bind("sessions", cache);
    assertThat(registry.find("tdeveloper.tenant.cache.gets").functionCounters()).hasSize(4);
    assertThat(registry.find("tdeveloper.tenant.cache.size").gauges()).hasSize(2);

    for (int i = 0; i < 50; i++) {
      guard.tag(tenants[7]);
      guard.tag(tenants[9]);
    }
    guard.rerank();
    assertThat(registry.find("tdeveloper.tenant.cache.size").gauges())
        .extracting(g -> g.getId().getTag("tenant"))
        .containsExactlyInAnyOrder("t-7", "t-9");
    assertThat(registry.find("tdeveloper.tenant.cache.gets").functionCounters()).hasSize(4);
  }

  @Test
  void aBlankCacheNameIsRefusedAndRegistersNothing() {
    assertThatThrownBy(() -> metrics.bind(" ", cache))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("name");
    assertThat(registry.getMeters()).isEmpty();
  }

  @Test
  void aSecondCacheUnderTheSameNameIsRefused() {
    metrics.bind("sessions", cache);
    TenantScopedCache<String, String> other =
        TenantScopedCache.builder().maximumEntriesPerTenant(2).build();
    assertThatThrownBy(() -> metrics.bind("sessions", other))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("'sessions' is already bound");
  }
}
