package dev.tdeveloper.benchmarks.security;

import dev.tdeveloper.security.ratelimit.Bandwidth;
import dev.tdeveloper.security.ratelimit.RateLimitDecision;
import dev.tdeveloper.security.ratelimit.RateLimitPolicy;
import dev.tdeveloper.security.ratelimit.RateLimiter;
import io.github.bucket4j.Bucket;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One shared key, {@code tryAcquire(1)} that (almost) always succeeds: the per-request cost of each
 * limiter. Every limiter allows 10^9 permits per second with a burst of 10^9, far above what a core
 * can ask, so the allowed path is what is measured. Subclasses set the thread count.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public abstract class OneKeyRateLimiterBase {
  private static final long RATE = 1_000_000_000L;
  private static final String KEY = "acme";

  private RateLimiter<String> ours;
  private Bucket bucket4j;
  private io.github.resilience4j.ratelimiter.RateLimiter resilience4j;
  private com.google.common.util.concurrent.RateLimiter guava;
  private dev.failsafe.RateLimiter<Object> failsafe;

  @Setup
  public void setUp() {
    ours =
        RateLimiter.<String>builder()
            .policy(
                RateLimitPolicy.of(
                    "bench", Bandwidth.of(RATE).refilling(RATE, Duration.ofSeconds(1))))
            .build();
    bucket4j =
        Bucket.builder()
            .addLimit(limit -> limit.capacity(RATE).refillGreedy(RATE, Duration.ofSeconds(1)))
            .build();
    resilience4j =
        io.github.resilience4j.ratelimiter.RateLimiter.of(
            "bench",
            RateLimiterConfig.custom()
                .limitForPeriod(Integer.MAX_VALUE)
                .limitRefreshPeriod(Duration.ofSeconds(1))
                .timeoutDuration(Duration.ZERO)
                .build());
    guava = com.google.common.util.concurrent.RateLimiter.create(RATE);
    failsafe = dev.failsafe.RateLimiter.burstyBuilder(RATE, Duration.ofSeconds(1)).build();
  }

  /** Ours, answering only allowed or not: the allocation-free path. */
  @Benchmark
  public boolean tdeveloperTryConsume() {
    return ours.tryConsume(KEY, 1);
  }

  /** Ours, with the full decision (remaining, reset) the rate-limit headers need. */
  @Benchmark
  public RateLimitDecision tdeveloperTryAcquire() {
    return ours.tryAcquire(KEY, 1);
  }

  /** Baseline: reading the monotonic clock, which every limiter here does once per call. */
  @Benchmark
  public long nanoTimeBaseline() {
    return System.nanoTime();
  }

  @Benchmark
  public boolean bucket4jTryConsume() {
    return bucket4j.tryConsume(1);
  }

  @Benchmark
  public boolean resilience4jAcquirePermission() {
    return resilience4j.acquirePermission();
  }

  @Benchmark
  public boolean guavaTryAcquire() {
    return guava.tryAcquire();
  }

  @Benchmark
  public boolean failsafeTryAcquirePermit() {
    return failsafe.tryAcquirePermit();
  }
}
