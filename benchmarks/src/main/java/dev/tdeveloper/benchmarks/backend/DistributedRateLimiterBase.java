package dev.tdeveloper.benchmarks.backend;

import dev.tdeveloper.backend.redis.RedisRateLimiterStore;
import dev.tdeveloper.backend.redis.internal.LuaScript;
import dev.tdeveloper.security.ratelimit.Bandwidth;
import dev.tdeveloper.security.ratelimit.RateLimitDecision;
import dev.tdeveloper.security.ratelimit.RateLimitPolicy;
import dev.tdeveloper.security.ratelimit.RateLimiter;
import dev.tdeveloper.tenancy.testkit.servers.LocalRedis;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.StringCodec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Distributed {@code tryAcquire} decisions per second on a real redis-server (started here on
 * loopback by {@link LocalRedis}, stopped at the end of the trial): our {@link
 * RedisRateLimiterStore} behind a {@link RateLimiter} (one {@code EVALSHA} per decision) against
 * Bucket4j's Lettuce compare-and-swap proxy manager ({@code GET}, then a {@code SET} by a CAS
 * script per decision), each on one multiplexed connection of its own client. Both enforce the same
 * limit (10^6 per second, burst 10^6) on keys spread over {@value #TENANTS} tenants, so no decision
 * is a denial; each thread walks the tenants from its own offset. {@code redisPingFloor} is one
 * {@code PING} round trip on the same kind of connection, the floor of any remote decision; {@code
 * redisScriptFloor} is the floor of the design (one Lua script per decision on the server's
 * clock): a script doing only {@code TIME}, {@code GET} and {@code SET ... PX}, dispatched the way
 * ours is (binary {@code EVALSHA}, no proxy of the synchronous API). Each trial ends by printing
 * the server's time per command ({@code INFO commandstats}), the figure that holds on a shared
 * machine. Subclasses set the number of clients (threads).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public abstract class DistributedRateLimiterBase {
  static final int TENANTS = 1_000;
  private static final long RATE = 1_000_000L;

  private LocalRedis server;
  private RedisClient ourClient;
  private RedisClient bucket4jClient;
  private RedisClient pingClient;
  private RedisRateLimiterStore store;
  private RateLimiter<String> ours;
  private StatefulRedisConnection<byte[], byte[]> bucket4jConnection;
  private StatefulRedisConnection<String, String> pingConnection;
  private StatefulRedisConnection<byte[], byte[]> floorConnection;
  private final LuaScript floorScript =
      LuaScript.load(DistributedRateLimiterBase.class, "script-floor.lua");
  private byte[][] floorKeys;
  private static final byte[][] NO_ARGS = new byte[0][];
  private String[] tenants;
  private BucketProxy[] bucket4jBuckets;

  @Setup(Level.Trial)
  public void startRedis() {
    server = LocalRedis.startNew();
    ourClient = RedisClient.create(server.uri().toString());
    bucket4jClient = RedisClient.create(server.uri().toString());
    pingClient = RedisClient.create(server.uri().toString());

    store = RedisRateLimiterStore.builder(ourClient).commandTimeout(Duration.ofSeconds(5)).build();
    ours =
        RateLimiter.<String>builder()
            .policy(
                RateLimitPolicy.of(
                    "bench", Bandwidth.of(RATE).refilling(RATE, Duration.ofSeconds(1))))
            .store(store, tenant -> "bench:" + tenant)
            .build();

    bucket4jConnection = bucket4jClient.connect(ByteArrayCodec.INSTANCE);
    ProxyManager<byte[]> proxyManager =
        Bucket4jLettuce.casBasedBuilder(bucket4jConnection)
            .expirationAfterWrite(
                ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                    Duration.ofSeconds(10)))
            .build();
    BucketConfiguration configuration =
        BucketConfiguration.builder()
            .addLimit(limit -> limit.capacity(RATE).refillGreedy(RATE, Duration.ofSeconds(1)))
            .build();

    pingConnection = pingClient.connect(StringCodec.UTF8);
    floorConnection = pingClient.connect(ByteArrayCodec.INSTANCE);
    floorKeys = new byte[TENANTS][];

    tenants = new String[TENANTS];
    bucket4jBuckets = new BucketProxy[TENANTS];
    for (int i = 0; i < TENANTS; i++) {
      tenants[i] = "tenant-" + i;
      byte[] key = ("bucket4j:{" + tenants[i] + "}").getBytes(StandardCharsets.UTF_8);
      bucket4jBuckets[i] = proxyManager.builder().build(key, () -> configuration);
      floorKeys[i] = ("floor:{" + tenants[i] + "}").getBytes(StandardCharsets.UTF_8);
      if (floorScript.runForIntegers(floorConnection, floorKeys[i], NO_ARGS)[0] != 1) {
        throw new IllegalStateException("the floor script must answer {1}");
      }
      // Warm both: state exists in Redis before measuring, scripts are cached.
      if (!ours.tryAcquire(tenants[i], 1).isAllowed() || !bucket4jBuckets[i].tryConsume(1)) {
        throw new IllegalStateException("the limit must not be hit in this benchmark");
      }
    }
    pingConnection.sync().configResetstat();
  }

  /**
   * Prints the server's own time per command over the trial ({@code INFO commandstats}, after the
   * setup's warm-up): robust on a shared machine, where the throughput is not. Commands run by a
   * script count twice, in the script and on their own line.
   */
  static void printCommandStats(String commandStats) {
    StringBuilder line = new StringBuilder("server time per call (INFO commandstats):");
    for (String stat : commandStats.split("\r?\n")) {
      if (stat.startsWith("cmdstat_")) {
        String name = stat.substring("cmdstat_".length(), stat.indexOf(':'));
        line.append(' ')
            .append(name)
            .append(' ')
            .append(field(stat, "usec_per_call"))
            .append(" us x ")
            .append(field(stat, "calls"))
            .append(';');
      }
    }
    System.out.println(line);
  }

  private static String field(String stat, String name) {
    int at = stat.indexOf(name + "=");
    if (at < 0) {
      return "?";
    }
    int end = stat.indexOf(',', at);
    return stat.substring(at + name.length() + 1, end < 0 ? stat.length() : end);
  }

  /** Clears the server's per-command statistics ({@code CONFIG RESETSTAT}). */
  void resetCommandStats() {
    pingConnection.sync().configResetstat();
  }

  /**
   * Returns the server's per-command statistics since the last reset ({@code INFO commandstats}).
   */
  String commandStats() {
    return pingConnection.sync().info("commandstats");
  }

  @TearDown(Level.Trial)
  public void stopRedis() {
    printCommandStats(pingConnection.sync().info("commandstats"));
    store.close();
    bucket4jConnection.close();
    pingConnection.close();
    floorConnection.close();
    ourClient.shutdown();
    bucket4jClient.shutdown();
    pingClient.shutdown();
    server.close();
  }

  /** The tenant each call of a thread goes to: the threads start at different offsets. */
  @State(Scope.Thread)
  public static class Cursor {
    private static final AtomicInteger THREADS = new AtomicInteger();
    int next = (THREADS.getAndIncrement() * 7919) % TENANTS;

    int advance() {
      int i = next;
      next = i + 1 == TENANTS ? 0 : i + 1;
      return i;
    }
  }

  /** Ours: one Lua script per decision, with the full decision (remaining, reset). */
  @Benchmark
  public RateLimitDecision tdeveloperTryAcquire(Cursor cursor) {
    return ours.tryAcquire(tenants[cursor.advance()], 1);
  }

  /** Bucket4j 8.14's Lettuce proxy manager with compare-and-swap. */
  @Benchmark
  public boolean bucket4jTryAcquire(Cursor cursor) {
    return bucket4jBuckets[cursor.advance()].tryConsume(1);
  }

  /**
   * The floor of the design: one script doing only what every server-clock decision must ({@code
   * TIME}, {@code GET}, {@code SET ... PX}), sent as ours is.
   */
  @Benchmark
  public long[] redisScriptFloor(Cursor cursor) {
    return floorScript.runForIntegers(floorConnection, floorKeys[cursor.advance()], NO_ARGS);
  }

  /** The floor: one {@code PING} round trip. */
  @Benchmark
  public String redisPingFloor() {
    return pingConnection.sync().ping();
  }
}
