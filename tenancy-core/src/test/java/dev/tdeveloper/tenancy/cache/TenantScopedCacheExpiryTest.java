package dev.tdeveloper.tenancy.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.cache.TenantCacheEvent.Created;
import dev.tdeveloper.tenancy.cache.TenantCacheEvent.DropReason;
import dev.tdeveloper.tenancy.cache.TenantCacheEvent.Dropped;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class TenantScopedCacheExpiryTest {
  private static final TenantId A = TenantId.of("acme");
  private static final TenantId B = TenantId.of("globex");
  private static final TenantId C = TenantId.of("initech");
  private static final Duration IDLE = Duration.ofMinutes(10);

  private final ManualClock clock = new ManualClock();
  private final List<TenantCacheEvent> events = new CopyOnWriteArrayList<>();

  @Test
  void entriesExpireAfterWriteOnTheInjectedTicker() {
    TenantScopedCache<String, String> cache =
        TenantScopedCache.builder()
            .maximumEntriesPerTenant(10)
            .expireAfterWrite(Duration.ofSeconds(30))
            .ticker(clock)
            .executor(Runnable::run)
            .build();
    cache.put(A, "k", "v");
    clock.advance(Duration.ofSeconds(20));
    cache.put(B, "k", "v");

    clock.advance(Duration.ofSeconds(9));
    assertThat(cache.getIfPresent(A, "k")).contains("v");
    clock.advance(Duration.ofSeconds(1));
    assertThat(cache.getIfPresent(A, "k")).isEmpty();
    assertThat(cache.getIfPresent(B, "k")).contains("v");

    clock.advance(Duration.ofSeconds(20));
    cache.cleanUp();
    assertThat(cache.estimatedSize(A)).isZero();
    assertThat(cache.estimatedSize(B)).isZero();
  }

  @Test
  void dropsIdleTenantsOnlyAfterTheIdleDuration() {
    TenantScopedCache<String, String> cache = idleExpiring();
    cache.put(A, "k", "a");
    cache.put(B, "k", "b");

    clock.advance(IDLE.minusSeconds(1));
    assertThat(cache.getIfPresent(B, "k")).contains("b");
    cache.cleanUp();
    assertThat(cache.estimatedSize(A)).isEqualTo(1);

    clock.advance(Duration.ofSeconds(1));
    cache.cleanUp();
    assertThat(cache.estimatedSize(A)).isZero();
    assertThat(cache.getIfPresent(B, "k")).contains("b");
    assertThat(events)
        .containsExactly(new Created(A), new Created(B), new Dropped(A, DropReason.IDLE, 1));

    cache.cleanUp(); // the sweep that observes B's last access
    clock.advance(IDLE.minusNanos(1));
    cache.cleanUp();
    assertThat(cache.estimatedSize(B)).isEqualTo(1);
    clock.advanceNanos(1);
    cache.cleanUp();
    assertThat(cache.estimatedSize(B)).isZero();
  }

  @Test
  void everyKindOfAccessKeepsATenantAlive() {
    TenantScopedCache<String, String> cache = idleExpiring();
    cache.put(A, "k", "a");
    cache.put(B, "k", "b");
    cache.put(C, "k", "c");

    for (int round = 0; round < 5; round++) {
      clock.advance(IDLE.dividedBy(2));
      cache.getIfPresent(A, "k");
      cache.invalidate(B, "absent");
      cache.get(C, "k", key -> "reloaded");
      cache.cleanUp();
    }

    assertThat(cache.getIfPresent(A, "k")).contains("a");
    assertThat(cache.getIfPresent(B, "k")).contains("b");
    assertThat(cache.getIfPresent(C, "k")).contains("c");
    assertThat(events).hasSize(3).allMatch(Created.class::isInstance);
  }

  @Test
  void accessesThroughAViewKeepTheTenantAlive() {
    TenantScopedCache<String, String> cache = idleExpiring();
    TenantCache<String, String> a = cache.forTenant(A);
    TenantCache<String, String> b = cache.forTenant(B);
    a.put("k", "a");
    b.put("k", "b");

    for (int round = 0; round < 5; round++) {
      clock.advance(IDLE.dividedBy(2));
      if (round % 2 == 0) {
        a.getIfPresent("k");
      } else {
        a.invalidate("absent");
      }
      cache.cleanUp();
    }

    assertThat(a.getIfPresent("k")).contains("a");
    assertThat(b.getIfPresent("k")).isEmpty();
    assertThat(events)
        .containsExactly(new Created(A), new Created(B), new Dropped(B, DropReason.IDLE, 1));
  }

  @Test
  void viewFollowsItsTenantAcrossAnIdleDrop() {
    TenantScopedCache<String, String> cache = idleExpiring();
    TenantCache<String, String> a = cache.forTenant(A);
    a.put("k", "old");
    clock.advance(IDLE);
    cache.cleanUp();
    assertThat(events).containsExactly(new Created(A), new Dropped(A, DropReason.IDLE, 1));

    assertThat(a.getIfPresent("k")).isEmpty();
    a.put("k", "new");

    assertThat(cache.getIfPresent(A, "k")).contains("new");
    assertThat(events).hasSize(3).last().isEqualTo(new Created(A));
    clock.advance(IDLE.minusNanos(1));
    cache.cleanUp();
    assertThat(a.getIfPresent("k")).contains("new");
  }

  @Test
  void creatingATenantSweepsIdleOnesWithoutCleanUp() {
    TenantScopedCache<String, String> cache = idleExpiring();
    cache.put(A, "k", "a");
    clock.advance(IDLE);

    cache.put(B, "k", "b");

    assertThat(cache.estimatedSize(A)).isZero();
    assertThat(events).contains(new Dropped(A, DropReason.IDLE, 1));
    assertThat(cache.getIfPresent(B, "k")).contains("b");
  }

  @Test
  void invalidateTenantPublishesDroppedAndIgnoresUnknownTenants() {
    TenantScopedCache<String, String> cache = idleExpiring();
    cache.put(A, "k1", "a");
    cache.put(A, "k2", "a");

    cache.invalidateTenant(A);
    cache.invalidateTenant(B);

    assertThat(events).containsExactly(new Created(A), new Dropped(A, DropReason.INVALIDATED, 2));
  }

  @Test
  void throwingListenerNeverBreaksTheCache() {
    TenantScopedCache<String, String> cache =
        TenantScopedCache.builder()
            .maximumEntriesPerTenant(10)
            .addListener(
                event -> {
                  throw new IllegalStateException("listener bug");
                })
            .addListener(events::add)
            .build();

    cache.put(A, "k", "v");
    cache.invalidateTenant(A);

    assertThat(events).containsExactly(new Created(A), new Dropped(A, DropReason.INVALIDATED, 1));
  }

  private TenantScopedCache<String, String> idleExpiring() {
    return TenantScopedCache.builder()
        .maximumEntriesPerTenant(10)
        .expireIdleTenantsAfter(IDLE)
        .ticker(clock)
        .executor(Runnable::run)
        .addListener(events::add)
        .build();
  }
}
