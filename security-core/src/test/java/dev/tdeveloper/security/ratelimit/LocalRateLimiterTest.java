package dev.tdeveloper.security.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class LocalRateLimiterTest {
  private static final Duration SECOND = Duration.ofSeconds(1);
  private static final TenantId ACME = TenantId.of("acme");
  private static final TenantId GLOBEX = TenantId.of("globex");

  private final ManualClock clock = new ManualClock();
  private final RateLimitPolicy tenPerSecondBurst20 =
      RateLimitPolicy.of("pro", Bandwidth.of(20).refilling(10, SECOND));

  private RateLimiter<TenantId> limiter(RateLimitPolicy policy) {
    return RateLimiter.<TenantId>builder().policy(policy).ticker(clock).build();
  }

  @Test
  void allowsTheBurstThenDeniesWithRetryAfter() {
    RateLimiter<TenantId> limiter = limiter(tenPerSecondBurst20);
    for (int i = 0; i < 20; i++) {
      RateLimitDecision d = limiter.tryAcquire(ACME, 1);
      assertThat(d).isInstanceOf(RateLimitDecision.Allowed.class);
      assertThat(d.remaining()).isEqualTo(19 - i);
      assertThat(d.limit()).isEqualTo(20);
    }
    RateLimitDecision denied = limiter.tryAcquire(ACME, 1);
    assertThat(denied).isInstanceOf(RateLimitDecision.Denied.class);
    assertThat(((RateLimitDecision.Denied) denied).retryAfter()).isEqualTo(Duration.ofMillis(100));
    assertThat(denied.resetAfter()).isEqualTo(Duration.ofSeconds(2));
    assertThat(denied.remaining()).isZero();
  }

  @Test
  void refillsAtTheConfiguredRate() {
    RateLimiter<TenantId> limiter = limiter(tenPerSecondBurst20);
    for (int i = 0; i < 20; i++) {
      assertThat(limiter.tryConsume(ACME, 1)).isTrue();
    }
    assertThat(limiter.tryConsume(ACME, 1)).isFalse();
    clock.advance(Duration.ofMillis(99));
    assertThat(limiter.tryConsume(ACME, 1)).isFalse();
    clock.advance(Duration.ofMillis(1));
    assertThat(limiter.tryConsume(ACME, 1)).isTrue();
    assertThat(limiter.tryConsume(ACME, 1)).isFalse();
    clock.advance(Duration.ofSeconds(10));
    assertThat(limiter.tryAcquire(ACME, 20).remaining()).isZero();
  }

  @Test
  void deniedRequestConsumesNothing() {
    RateLimiter<TenantId> limiter = limiter(tenPerSecondBurst20);
    assertThat(limiter.tryConsume(ACME, 15)).isTrue();
    assertThat(limiter.tryConsume(ACME, 6)).isFalse();
    assertThat(limiter.tryConsume(ACME, 5)).isTrue();
  }

  @Test
  void everyBandwidthMustAllow() {
    RateLimitPolicy policy =
        RateLimitPolicy.of(
            "pro", Bandwidth.of(5).refilling(5, SECOND), Bandwidth.simple(8, Duration.ofHours(1)));
    RateLimiter<TenantId> limiter = limiter(policy);
    int granted = 0;
    for (int second = 0; second < 10; second++) {
      for (int i = 0; i < 10; i++) {
        granted += limiter.tryConsume(ACME, 1) ? 1 : 0;
      }
      clock.advance(SECOND);
    }
    assertThat(granted).isEqualTo(8);
    RateLimitDecision d = limiter.tryAcquire(ACME, 1);
    assertThat(d.limit()).isEqualTo(8);
    assertThat(((RateLimitDecision.Denied) d).retryAfterNanos())
        .isEqualTo(Duration.ofHours(1).toNanos() / 8 - Duration.ofSeconds(10).toNanos());
  }

  @Test
  void oneTenantExhaustingItsLimitNeverTouchesAnother() {
    RateLimiter<TenantId> limiter = limiter(tenPerSecondBurst20);
    while (limiter.tryConsume(ACME, 1)) {
      // drain acme
    }
    RateLimitDecision globex = limiter.tryAcquire(GLOBEX, 1);
    assertThat(globex.isAllowed()).isTrue();
    assertThat(globex.remaining()).isEqualTo(19);
  }

  @Test
  void rejectsImpossiblePermitCountsWithoutConsuming() {
    RateLimiter<TenantId> limiter = limiter(tenPerSecondBurst20);
    assertThatThrownBy(() -> limiter.tryAcquire(ACME, 21))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("permits must be between 1 and 20")
        .hasMessageContaining("was 21");
    assertThatThrownBy(() -> limiter.tryConsume(ACME, 0)).hasMessageContaining("was 0");
    assertThat(limiter.tryAcquire(ACME, 20).isAllowed()).isTrue();
  }

  @Test
  void acquireWaitsForReservedPermitsUsingTheSleeper() throws InterruptedException {
    List<Long> sleeps = new ArrayList<>();
    RateLimiter<TenantId> limiter =
        RateLimiter.<TenantId>builder()
            .policy(tenPerSecondBurst20)
            .ticker(clock)
            .sleeper(
                nanos -> {
                  sleeps.add(nanos);
                  clock.advanceNanos(nanos);
                })
            .build();
    assertThat(limiter.tryConsume(ACME, 20)).isTrue();
    assertThat(limiter.acquire(ACME, 2, Duration.ofMillis(200)).isAllowed()).isTrue();
    assertThat(sleeps).containsExactly(200_000_000L);
    RateLimitDecision tooLong = limiter.acquire(ACME, 5, Duration.ofMillis(100));
    assertThat(tooLong.isAllowed()).isFalse();
    assertThat(sleeps).hasSize(1);
  }

  @Test
  void interruptedAcquireGivesItsReservationBack() {
    RateLimiter<TenantId> limiter =
        RateLimiter.<TenantId>builder()
            .policy(tenPerSecondBurst20)
            .ticker(clock)
            .sleeper(
                nanos -> {
                  throw new InterruptedException("test");
                })
            .build();
    assertThat(limiter.tryConsume(ACME, 20)).isTrue();
    assertThatThrownBy(() -> limiter.acquire(ACME, 5, SECOND))
        .isInstanceOf(InterruptedException.class);
    clock.advance(Duration.ofMillis(100));
    assertThat(limiter.tryConsume(ACME, 1)).isTrue();
  }

  @Test
  void policySwapCarriesConsumedPermitsOver() {
    AtomicReference<RateLimitPolicy> current = new AtomicReference<>(tenPerSecondBurst20);
    List<RateLimitEvent> events = new ArrayList<>();
    RateLimiter<TenantId> limiter =
        RateLimiter.<TenantId>builder()
            .policyResolver(key -> current.get())
            .ticker(clock)
            .listener(events::add)
            .build();
    assertThat(limiter.tryConsume(ACME, 15)).isTrue();
    current.set(RateLimitPolicy.of("enterprise", Bandwidth.of(40).refilling(40, SECOND)));
    assertThat(limiter.refreshPolicies()).isEqualTo(1);
    assertThat(limiter.policyFor(ACME).name()).isEqualTo("enterprise");
    assertThat(limiter.tryAcquire(ACME, 1).remaining()).isEqualTo(40 - 15 - 1);
    assertThat(events).contains(new RateLimitEvent.PolicyChanged(ACME, "pro", "enterprise"));

    current.set(
        RateLimitPolicy.of(
            "dual",
            Bandwidth.of(40).refilling(40, SECOND),
            Bandwidth.simple(100, Duration.ofMinutes(1))));
    assertThat(limiter.refreshPolicies()).isEqualTo(1);
    RateLimitDecision d = limiter.tryAcquire(ACME, 1);
    assertThat(d.remaining()).isEqualTo(40 - 17);
  }

  @Test
  void denialsArePublishedAndAThrowingListenerBreaksNothing() {
    List<RateLimitEvent> events = new ArrayList<>();
    RateLimiter<TenantId> limiter =
        RateLimiter.<TenantId>builder()
            .policy(RateLimitPolicy.of("free", Bandwidth.simple(1, SECOND)))
            .ticker(clock)
            .listener(
                e -> {
                  throw new IllegalStateException("listener bug");
                })
            .listener(events::add)
            .build();
    assertThat(limiter.tryConsume(ACME, 1)).isTrue();
    assertThat(limiter.tryConsume(ACME, 1)).isFalse();
    assertThat(limiter.tryAcquire(ACME, 1).isAllowed()).isFalse();
    assertThat(events)
        .containsExactly(
            new RateLimitEvent.Denied(ACME, "free", 1, 1_000_000_000L),
            new RateLimitEvent.Denied(ACME, "free", 1, 1_000_000_000L));
  }

  @Test
  void idleKeysAreDroppedAndBehaveAsNew() {
    RateLimiter<TenantId> limiter = limiter(tenPerSecondBurst20);
    assertThat(limiter.tryConsume(ACME, 20)).isTrue();
    assertThat(limiter.tryConsume(GLOBEX, 1)).isTrue();
    limiter.cleanUp();
    assertThat(limiter.estimatedKeys()).isEqualTo(2);
    clock.advance(Duration.ofSeconds(2));
    limiter.cleanUp();
    assertThat(limiter.estimatedKeys()).isZero();
    assertThat(limiter.tryAcquire(ACME, 1).remaining()).isEqualTo(19);
  }

  @Test
  void keyExplosionKeepsMemoryBounded() {
    RateLimiter<String> limiter =
        RateLimiter.<String>builder()
            .policy(RateLimitPolicy.of("ip", Bandwidth.simple(100, Duration.ofHours(1))))
            .ticker(clock)
            .maximumKeys(10_000)
            .build();
    for (int i = 0; i < 1_000_000; i++) {
      assertThat(limiter.tryConsume("attacker-" + i, 1)).isTrue();
      if (i % 100_000 == 0) {
        assertThat(limiter.estimatedKeys()).isLessThanOrEqualTo(10_000 + 64L * 4);
      }
    }
    assertThat(limiter.estimatedKeys()).isLessThanOrEqualTo(10_000 + 64L * 4);
  }
}
