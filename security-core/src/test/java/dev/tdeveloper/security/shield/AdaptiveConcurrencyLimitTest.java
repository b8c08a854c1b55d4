package dev.tdeveloper.security.shield;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class AdaptiveConcurrencyLimitTest {
  private final ManualClock clock = new ManualClock();

  private AdaptiveConcurrencyLimit limit(int initial, int min, int max) {
    return AdaptiveConcurrencyLimit.builder()
        .initialLimit(initial)
        .minLimit(min)
        .maxLimit(max)
        .latencyTarget(Duration.ofMillis(100))
        .backoffRatio(0.5)
        .ticker(clock)
        .build();
  }

  private static List<Permit> acquireAll(AdaptiveConcurrencyLimit limit) {
    List<Permit> permits = new ArrayList<>();
    for (Optional<Permit> p = limit.tryAcquire(); p.isPresent(); p = limit.tryAcquire()) {
      permits.add(p.get());
    }
    return permits;
  }

  @Test
  void grantsExactlyTheLimitThenRefuses() {
    AdaptiveConcurrencyLimit limit = limit(5, 1, 10);
    List<Permit> permits = acquireAll(limit);
    assertThat(permits).hasSize(5);
    assertThat(limit.inFlight()).isEqualTo(5);
    permits.get(0).onIgnore();
    assertThat(limit.tryAcquire()).isPresent();
    assertThat(limit.tryAcquire()).isEmpty();
  }

  @Test
  void releasingTwiceFreesOneSlot() {
    AdaptiveConcurrencyLimit limit = limit(2, 1, 2);
    Permit permit = limit.tryAcquire().orElseThrow();
    permit.onSuccess();
    permit.onDropped();
    permit.close();
    assertThat(limit.inFlight()).isZero();
    assertThat(limit.limit()).isEqualTo(2);
  }

  @Test
  void decreasesMultiplicativelyOnLatencyAboveTheTarget() {
    AdaptiveConcurrencyLimit limit = limit(40, 1, 100);
    List<Permit> permits = acquireAll(limit);
    clock.advance(Duration.ofMillis(101));
    permits.get(0).onSuccess();
    assertThat(limit.limit()).isEqualTo(20);
    // the rest of the same slow spell started before the decrease: no further decrease
    permits.subList(1, permits.size()).forEach(Permit::onSuccess);
    assertThat(limit.limit()).isEqualTo(20);
    // a new request that is slow again lowers it once more
    Permit next = limit.tryAcquire().orElseThrow();
    clock.advance(Duration.ofMillis(200));
    next.onSuccess();
    assertThat(limit.limit()).isEqualTo(10);
  }

  @Test
  void decreasesOnDropsButNeverBelowTheMinimum() {
    AdaptiveConcurrencyLimit limit = limit(8, 3, 100);
    for (int i = 0; i < 10; i++) {
      limit.tryAcquire().orElseThrow().onDropped();
    }
    assertThat(limit.limit()).isEqualTo(3);
  }

  @Test
  void increasesAdditivelyOnlyWhenTheLimitIsUsed() {
    AdaptiveConcurrencyLimit limit = limit(10, 1, 12);
    limit.tryAcquire().orElseThrow().onSuccess(); // 1 in flight of 10: idle, no growth
    assertThat(limit.limit()).isEqualTo(10);
    List<Permit> permits = acquireAll(limit);
    clock.advance(Duration.ofMillis(100)); // exactly at the target is fine
    permits.forEach(Permit::onSuccess);
    assertThat(limit.limit()).isEqualTo(12); // capped at maxLimit
  }

  @Test
  void ignoredReleasesLeaveTheLimitAlone() {
    AdaptiveConcurrencyLimit limit = limit(10, 1, 100);
    List<Permit> permits = acquireAll(limit);
    clock.advance(Duration.ofSeconds(10));
    permits.forEach(Permit::onIgnore);
    assertThat(limit.limit()).isEqualTo(10);
    assertThat(limit.inFlight()).isZero();
  }

  @Test
  void neverHasMoreInFlightThanTheLimitUnderContention() throws Exception {
    AdaptiveConcurrencyLimit limit = limit(7, 7, 7);
    AtomicInteger running = new AtomicInteger();
    AtomicInteger maxSeen = new AtomicInteger();
    AtomicLong granted = new AtomicLong();
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int id = t;
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  for (int i = 0; i < 50_000; i++) {
                    Optional<Permit> permit = limit.tryAcquire();
                    if (permit.isPresent()) {
                      int now = running.incrementAndGet();
                      maxSeen.accumulateAndGet(now, Math::max);
                      granted.incrementAndGet();
                      running.decrementAndGet();
                      if ((i + id) % 3 == 0) {
                        permit.get().onDropped();
                      } else {
                        permit.get().onSuccess();
                      }
                    }
                  }
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(maxSeen.get()).isLessThanOrEqualTo(7);
    assertThat(granted.get()).isPositive();
    assertThat(limit.inFlight()).isZero();
    assertThat(limit.limit()).isEqualTo(7);
  }

  @Test
  void inFlightStaysExactWhileTheLimitMoves() throws Exception {
    AdaptiveConcurrencyLimit limit = limit(50, 5, 200);
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    AtomicInteger overLimit = new AtomicInteger();
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int id = t;
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  for (int i = 0; i < 20_000; i++) {
                    Optional<Permit> permit = limit.tryAcquire();
                    if (permit.isPresent()) {
                      if (limit.inFlight() > limit.maxLimit()) {
                        overLimit.incrementAndGet();
                      }
                      if (id == 0 && i % 100 == 0) {
                        permit.get().onDropped();
                      } else {
                        permit.get().onSuccess();
                      }
                    }
                  }
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(overLimit.get()).isZero();
    assertThat(limit.inFlight()).isZero();
    assertThat(limit.limit()).isBetween(5, 200);
  }

  @Test
  void rejectsBadConfigurationNamingTheField() {
    assertThatThrownBy(() -> AdaptiveConcurrencyLimit.builder().minLimit(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("minLimit must be 1 to 1000000, was 0");
    assertThatThrownBy(() -> AdaptiveConcurrencyLimit.builder().backoffRatio(1.0))
        .hasMessage("backoffRatio must be at least 0.5 and below 1, was 1.0");
    assertThatThrownBy(() -> AdaptiveConcurrencyLimit.builder().backoffRatio(Double.NaN))
        .hasMessage("backoffRatio must be at least 0.5 and below 1, was NaN");
    assertThatThrownBy(() -> AdaptiveConcurrencyLimit.builder().latencyTarget(Duration.ZERO))
        .hasMessage("latencyTarget must be PT0.001S to PT1H, was PT0S");
    assertThatThrownBy(() -> AdaptiveConcurrencyLimit.builder().minLimit(10).maxLimit(5).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("minLimit 10 is above maxLimit 5");
    assertThatThrownBy(
            () -> AdaptiveConcurrencyLimit.builder().initialLimit(50).maxLimit(5).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("initialLimit 50 must be within minLimit 1 and maxLimit 5");
    assertThatThrownBy(() -> AdaptiveConcurrencyLimit.builder().ticker(clock).ticker(clock))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("ticker was already set");
    AdaptiveConcurrencyLimit defaults = AdaptiveConcurrencyLimit.builder().maxLimit(5).build();
    assertThat(defaults.limit()).isEqualTo(5);
  }

  @Test
  void aRejectedSettingLeavesTheBuilderAsItWas() {
    AdaptiveConcurrencyLimitBuilder builder = AdaptiveConcurrencyLimit.builder();
    assertThatThrownBy(() -> builder.minLimit(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.latencyTarget(Duration.ofHours(2)))
        .isInstanceOf(IllegalArgumentException.class);
    AdaptiveConcurrencyLimit limit =
        builder.minLimit(3).latencyTarget(Duration.ofSeconds(2)).initialLimit(4).build();
    assertThat(limit.minLimit()).isEqualTo(3);
    assertThat(limit.limit()).isEqualTo(4);
  }
}
