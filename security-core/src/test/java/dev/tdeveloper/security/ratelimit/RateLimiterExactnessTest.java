package dev.tdeveloper.security.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.tenancy.testkit.Concurrently;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The limiter never admits more than the policy allows, whatever the threads and schedule. */
class RateLimiterExactnessTest {
  private static final int THREADS = 8;

  @Test
  void manyThreadsOnOneKeyGetExactlyTheBurstThenExactlyTheRefill() throws Exception {
    ManualClock clock = new ManualClock();
    RateLimiter<String> limiter =
        RateLimiter.<String>builder()
            .policy(
                RateLimitPolicy.of("p", Bandwidth.of(1000).refilling(100, Duration.ofSeconds(1))))
            .ticker(clock)
            .build();
    assertThat(hammer(limiter, "k", 5_000, 1)).isEqualTo(1000);
    clock.advance(Duration.ofMillis(1505));
    assertThat(hammer(limiter, "k", 5_000, 1)).isEqualTo(150);
  }

  @Test
  void manyThreadsWithSeveralBandwidthsNeverExceedAnyOfThem() throws Exception {
    ManualClock clock = new ManualClock();
    RateLimiter<String> limiter =
        RateLimiter.<String>builder()
            .policy(
                RateLimitPolicy.of(
                    "p",
                    Bandwidth.of(500).refilling(100, Duration.ofSeconds(1)),
                    Bandwidth.simple(700, Duration.ofMinutes(1))))
            .ticker(clock)
            .build();
    assertThat(hammer(limiter, "k", 2_000, 3)).isEqualTo(498);
    clock.advance(Duration.ofSeconds(10));
    long second = hammer(limiter, "k", 2_000, 3);
    assertThat(second).isLessThanOrEqualTo(700 - 498 + 10 * 700 / 60);
    assertThat(second).isGreaterThan(0);
  }

  @Test
  void admittedStaysWithinBurstPlusRateWhileTheClockMoves() throws Exception {
    ManualClock clock = new ManualClock();
    Bandwidth b = Bandwidth.of(50).refilling(1000, Duration.ofSeconds(1));
    RateLimiter<String> limiter =
        RateLimiter.<String>builder().policy(RateLimitPolicy.of("p", b)).ticker(clock).build();
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicLong admitted = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<?>> workers = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        workers.add(
            pool.submit(
                () -> {
                  while (running.get()) {
                    if (limiter.tryConsume("k", 1)) {
                      admitted.incrementAndGet();
                    }
                  }
                }));
      }
      for (int step = 0; step < 2_000; step++) {
        clock.advance(Duration.ofNanos(137_000));
        Thread.onSpinWait();
      }
      running.set(false);
      for (Future<?> w : workers) {
        w.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    long elapsed = clock.read();
    assertThat(admitted.get()).isLessThanOrEqualTo(50 + elapsed / b.emissionIntervalNanos());
  }

  /** Calls tryAcquire from {@value #THREADS} threads at once; returns the permits granted. */
  private static long hammer(
      RateLimiter<String> limiter, String key, int callsPerThread, int permits) throws Exception {
    AtomicLong granted = new AtomicLong();
    Concurrently.run(
        THREADS,
        thread -> {
          for (int i = 0; i < callsPerThread; i++) {
            if (limiter.tryAcquire(key, permits).isAllowed()) {
              granted.addAndGet(permits);
            }
          }
        });
    return granted.get();
  }

  /** One request: wait {@code advanceMicros}, then ask for {@code permits}. */
  record Step(int advanceMicros, int permits) {}

  @Provide
  Arbitrary<List<Step>> schedules() {
    Arbitrary<Step> step =
        Combinators.combine(
                Arbitraries.integers().between(0, 3_000), Arbitraries.integers().between(1, 4))
            .as(Step::new);
    return step.list().ofMinSize(1).ofMaxSize(150);
  }

  @Property(tries = 300)
  void admittedInAnyIntervalIsAtMostBurstPlusRateTimesElapsed(
      @ForAll("schedules") List<Step> schedule) {
    ManualClock clock = new ManualClock();
    Bandwidth b = Bandwidth.of(5).refilling(2, Duration.ofMillis(1));
    RateLimiter<String> limiter =
        RateLimiter.<String>builder().policy(RateLimitPolicy.of("p", b)).ticker(clock).build();
    long[] times = new long[schedule.size()];
    long[] granted = new long[schedule.size()];
    for (int i = 0; i < schedule.size(); i++) {
      clock.advance(Duration.ofNanos(schedule.get(i).advanceMicros() * 1_000L));
      times[i] = clock.read();
      granted[i] =
          limiter.tryConsume("k", schedule.get(i).permits()) ? schedule.get(i).permits() : 0;
    }
    long interval = b.emissionIntervalNanos();
    for (int from = 0; from < times.length; from++) {
      long sum = 0;
      for (int to = from; to < times.length; to++) {
        sum += granted[to];
        assertThat(sum).isLessThanOrEqualTo(b.capacity() + (times[to] - times[from]) / interval);
      }
    }
  }
}
