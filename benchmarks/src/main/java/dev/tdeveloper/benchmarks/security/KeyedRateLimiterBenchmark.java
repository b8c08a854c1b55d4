package dev.tdeveloper.benchmarks.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.tdeveloper.security.ratelimit.Bandwidth;
import dev.tdeveloper.security.ratelimit.RateLimitPolicy;
import dev.tdeveloper.security.ratelimit.RateLimiter;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jol.info.GraphLayout;

/**
 * A keyed limiter holding {@code keys} active tenants (100/s, burst 200 each), every call for the
 * next tenant in a shuffled order, against the usual alternative: a Bucket4j bucket per key in a
 * bounded Caffeine cache. At set-up the retained heap of both structures is measured with JOL and
 * printed as bytes per key, excluding the key strings that the caller owns anyway.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(1)
public class KeyedRateLimiterBenchmark {
  static {
    // JOL cannot ask Unsafe for the field offsets of records; this makes it find them itself.
    System.setProperty("jol.magicFieldOffset", "true");
  }

  @Param({"1000000"})
  public int keys;

  /**
   * {@code per-second}: 100/s, burst 200 — a key's bucket refills between two of its calls, so our
   * limiter drops its state (it carries no information) and re-creates it on the next call. {@code
   * per-hour}: 1000/h, burst 1000 — every key stays in debt, so both structures hold all keys.
   */
  @Param({"per-second", "per-hour"})
  public String refill;

  private String[] tenants;
  private RateLimiter<String> ours;
  private Cache<String, Bucket> bucket4jInCaffeine;

  @Setup
  public void setUp() {
    tenants = new String[keys];
    for (int i = 0; i < keys; i++) {
      tenants[i] = "tenant-" + Integer.toHexString(i * 0x9E3779B1);
    }
    Bandwidth bandwidth =
        refill.equals("per-second")
            ? Bandwidth.of(200).refilling(100, Duration.ofSeconds(1))
            : Bandwidth.of(1000).refilling(1000, Duration.ofHours(1));
    RateLimitPolicy policy = RateLimitPolicy.of("pro", bandwidth);
    ours = RateLimiter.<String>builder().policy(policy).maximumKeys(keys * 2).build();
    bucket4jInCaffeine =
        Caffeine.newBuilder()
            .maximumSize(keys * 2L)
            .expireAfterAccess(Duration.ofMinutes(10))
            .build();
    for (String tenant : tenants) {
      ours.tryConsume(tenant, 1);
      bucket4jInCaffeine.get(tenant, this::newBucket).tryConsume(1);
    }
    bucket4jInCaffeine.cleanUp();
    if (Boolean.parseBoolean(System.getProperty("footprint", "true"))) {
      printFootprint(policy);
    }
  }

  /**
   * Measures the retained heap per key while every key holds state: the limiter measured runs on a
   * frozen clock, so no bucket refills and no key can be dropped as idle (in the benchmark itself,
   * keys whose buckets refilled between two hits are dropped and cost nothing).
   */
  private void printFootprint(RateLimitPolicy policy) {
    RateLimiter<String> frozen =
        RateLimiter.<String>builder().policy(policy).ticker(() -> 0L).maximumKeys(keys * 2).build();
    for (String tenant : tenants) {
      frozen.tryConsume(tenant, 1);
    }
    GraphLayout keyLayout = GraphLayout.parseInstance((Object[]) tenants);
    long oursBytes = GraphLayout.parseInstance(frozen).subtract(keyLayout).totalSize();
    long peerBytes = GraphLayout.parseInstance(bucket4jInCaffeine).subtract(keyLayout).totalSize();
    System.out.printf(
        "%nretained heap per active key (key strings excluded): tdeveloper %.1f B (%d keys held),"
            + " bucket4j+caffeine %.1f B; keys held by the benchmarked limiter: %d%n",
        oursBytes / (double) keys,
        frozen.estimatedKeys(),
        peerBytes / (double) keys,
        ours.estimatedKeys());
  }

  private Bucket newBucket(String key) {
    return refill.equals("per-second")
        ? Bucket.builder()
            .addLimit(limit -> limit.capacity(200).refillGreedy(100, Duration.ofSeconds(1)))
            .build()
        : Bucket.builder()
            .addLimit(limit -> limit.capacity(1000).refillGreedy(1000, Duration.ofHours(1)))
            .build();
  }

  /** The index of the next tenant, per thread. */
  @State(Scope.Thread)
  public static class Cursor {
    int next;

    String nextOf(String[] tenants) {
      int i = next;
      next = i + 1 == tenants.length ? 0 : i + 1;
      return tenants[i];
    }
  }

  @Benchmark
  public boolean tdeveloperTryConsume(Cursor cursor) {
    return ours.tryConsume(cursor.nextOf(tenants), 1);
  }

  @Benchmark
  public boolean bucket4jInCaffeineTryConsume(Cursor cursor) {
    return bucket4jInCaffeine.get(cursor.nextOf(tenants), this::newBucket).tryConsume(1);
  }
}
