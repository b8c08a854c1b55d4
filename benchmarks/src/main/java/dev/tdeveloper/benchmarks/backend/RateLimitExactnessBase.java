package dev.tdeveloper.benchmarks.backend;

import dev.tdeveloper.backend.redis.RedisRateLimiterStore;
import dev.tdeveloper.security.ratelimit.Bandwidth;
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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.ThreadParams;

/**
 * Exactness under contention (issue 15): N clients, each with a connection of its own (as N service
 * instances would), hammer one key whose limit is {@code windowLimit} permits refilled one per
 * hour, so in any window shorter than an hour exactly {@code windowLimit} requests may pass. Every
 * iteration is such a window on a fresh key; at its end the benchmark prints the requests admitted
 * against the limit, for our {@link RedisRateLimiterStore} and for Bucket4j 8.14's Lettuce CAS
 * proxy manager alike, and <b>throws</b> if ours admitted more than the limit (or fewer while more
 * were asked for). The score is decisions per second on the hot key, mostly denials once the limit
 * is spent. Subclasses set the number of clients (threads); the redis-server is started here on
 * loopback by {@link LocalRedis} and stopped at the end of the trial.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public abstract class RateLimitExactnessBase {
  /** Permits that may pass in one window (one iteration). */
  @Param({"1000"})
  public int windowLimit;

  private LocalRedis server;
  private final List<RedisClient> clients = new ArrayList<>();
  private final List<RedisRateLimiterStore> stores = new ArrayList<>();
  private final List<StatefulRedisConnection<byte[], byte[]>> connections = new ArrayList<>();
  private final List<RateLimiter<String>> ours = new ArrayList<>();
  private final List<ProxyManager<byte[]>> bucket4jManagers = new ArrayList<>();
  private BucketConfiguration bucket4jConfiguration;
  private BucketProxy[] bucket4jBuckets;
  private String hotKey;
  private int window;
  private int threads;
  private final LongAdder oursAdmitted = new LongAdder();
  private final LongAdder oursAttempts = new LongAdder();
  private final LongAdder bucket4jAdmitted = new LongAdder();
  private final LongAdder bucket4jAttempts = new LongAdder();

  @Setup(Level.Trial)
  public void startRedis(BenchmarkParams params) {
    threads = params.getThreads();
    server = LocalRedis.startNew();
    RateLimitPolicy policy =
        RateLimitPolicy.of("exact", Bandwidth.of(windowLimit).refilling(1, Duration.ofHours(1)));
    bucket4jConfiguration =
        BucketConfiguration.builder()
            .addLimit(l -> l.capacity(windowLimit).refillIntervally(1, Duration.ofHours(1)))
            .build();
    for (int c = 0; c < threads; c++) {
      RedisClient client = RedisClient.create(server.uri().toString());
      clients.add(client);
      RedisRateLimiterStore store =
          RedisRateLimiterStore.builder(client).commandTimeout(Duration.ofSeconds(5)).build();
      stores.add(store);
      ours.add(RateLimiter.<String>builder().policy(policy).store(store, k -> k).build());
      StatefulRedisConnection<byte[], byte[]> connection = client.connect(ByteArrayCodec.INSTANCE);
      connections.add(connection);
      bucket4jManagers.add(
          Bucket4jLettuce.casBasedBuilder(connection)
              .expirationAfterWrite(
                  ExpirationAfterWriteStrategy.fixedTimeToLive(Duration.ofHours(2)))
              .build());
    }
  }

  /** A fresh window: a key no one has charged yet, and counters at zero. */
  @Setup(Level.Iteration)
  public void openWindow() {
    window++;
    hotKey = "hot-" + window;
    byte[] key = ("bucket4j:{" + hotKey + "}").getBytes(StandardCharsets.UTF_8);
    bucket4jBuckets = new BucketProxy[threads];
    for (int c = 0; c < threads; c++) {
      bucket4jBuckets[c] =
          bucket4jManagers.get(c).builder().build(key, () -> bucket4jConfiguration);
    }
    oursAdmitted.reset();
    oursAttempts.reset();
    bucket4jAdmitted.reset();
    bucket4jAttempts.reset();
  }

  /** Prints admitted against the limit; throws if ours admitted more, or fewer than it could. */
  @TearDown(Level.Iteration)
  public void checkWindow() {
    report("bucket4j", bucket4jAdmitted.sum(), bucket4jAttempts.sum(), false);
    report("tdeveloper", oursAdmitted.sum(), oursAttempts.sum(), true);
  }

  private void report(String who, long admitted, long attempts, boolean enforce) {
    if (attempts == 0) {
      return;
    }
    ExactnessWindow counted =
        new ExactnessWindow(who, threads, window, admitted, windowLimit, attempts);
    System.out.println(counted.line());
    if (enforce && !counted.exact()) {
      throw new IllegalStateException(counted.line());
    }
  }

  @TearDown(Level.Trial)
  public void stopRedis() {
    stores.forEach(RedisRateLimiterStore::close);
    connections.forEach(StatefulRedisConnection::close);
    clients.forEach(RedisClient::shutdown);
    server.close();
  }

  /** Which client (connection) a thread is: its JMH thread index. */
  @State(Scope.Thread)
  public static class Client {
    int index;

    @Setup(Level.Trial)
    public void pick(ThreadParams params) {
      index = params.getThreadIndex();
    }
  }

  /** Ours: one Lua script per decision, on the client's own connection. */
  @Benchmark
  public boolean tdeveloperHotKey(Client client) {
    boolean allowed = ours.get(client.index).tryAcquire(hotKey, 1).isAllowed();
    oursAttempts.increment();
    if (allowed) {
      oursAdmitted.increment();
    }
    return allowed;
  }

  /** Bucket4j 8.14's Lettuce proxy manager with compare-and-swap, on the client's connection. */
  @Benchmark
  public boolean bucket4jHotKey(Client client) {
    boolean allowed = bucket4jBuckets[client.index].tryConsume(1);
    bucket4jAttempts.increment();
    if (allowed) {
      bucket4jAdmitted.increment();
    }
    return allowed;
  }
}
