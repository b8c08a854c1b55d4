package dev.tdeveloper.backend.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.backend.redis.internal.LuaScript;
import dev.tdeveloper.security.ratelimit.Bandwidth;
import dev.tdeveloper.security.ratelimit.RateLimitDecision;
import dev.tdeveloper.security.ratelimit.RateLimitKey;
import dev.tdeveloper.security.ratelimit.RateLimitPolicy;
import dev.tdeveloper.security.ratelimit.RateLimiter;
import dev.tdeveloper.security.spi.GcraArithmetic;
import dev.tdeveloper.security.spi.PolicySpec;
import dev.tdeveloper.security.spi.StoreDecision;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.testkit.servers.LocalRedisExtension;
import io.lettuce.core.ScriptOutputType;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What the contract does not say: key layout, server-side expiry, exactness, the script cache. */
@ExtendWith(LocalRedisExtension.class)
class RedisRateLimiterStoreTest {
  private static final Duration SECOND = Duration.ofSeconds(1);
  private static TestClient redis;
  private final String tenant = "t" + UUID.randomUUID();

  @BeforeAll
  static void connect(URI uri) {
    redis = new TestClient(uri);
  }

  @AfterAll
  static void disconnect() {
    redis.close();
  }

  private static PolicySpec spec(String name, Bandwidth first, Bandwidth... more) {
    return PolicySpec.of(RateLimitPolicy.of(name, first, more));
  }

  private static long ceilMillis(long nanos) {
    return -Math.floorDiv(-nanos, 1_000_000L);
  }

  private static RedisRateLimiterStore serverTimed() {
    return RedisRateLimiterStore.builder(redis.client)
        .commandTimeout(Duration.ofSeconds(30))
        .build();
  }

  @Test
  void keysCarryTheTenantAsAClusterHashTag() {
    try (RedisRateLimiterStore store = serverTimed()) {
      assertThat(store.redisKey("acme")).isEqualTo("tdev:rl:{acme}");
      assertThat(store.redisKey("acme/export")).isEqualTo("tdev:rl:{acme}/export");
      assertThat(store.redisKey("acme/a/b")).isEqualTo("tdev:rl:{acme}/a/b");
      String unicode = tenant + "-é/rôute/ü";
      PolicySpec pro = spec("pro", Bandwidth.of(20).refilling(10, SECOND));
      assertThat(store.tryAcquire(unicode, pro, 1, 0).allowed()).isTrue();
      assertThat(redis.redis().exists(store.redisKey(unicode)))
          .as("the key the script wrote is the one redisKey names")
          .isOne();
      assertThat(store.redisKey(unicode)).isEqualTo("tdev:rl:{" + tenant + "-é}/rôute/ü");
    }
    try (RedisRateLimiterStore store =
        RedisRateLimiterStore.builder(redis.client).keyPrefix("app1:").build()) {
      assertThat(store.redisKey("acme/export")).isEqualTo("app1:{acme}/export");
    }
  }

  @Test
  void stateExpiresOnTheServerClockOnceEveryBucketIsFull() {
    PolicySpec pro = spec("pro", Bandwidth.of(20).refilling(10, SECOND));
    String key = tenant + "/export";
    try (RedisRateLimiterStore store = serverTimed()) {
      assertThat(store.tryAcquire(key, pro, 5, 0).allowed()).isTrue();
      long ttl = redis.redis().pttl(store.redisKey(key));
      assertThat(ttl)
          .as("the 500 ms until full, plus at most the expiry slack of 1 s")
          .isBetween(1L, 1_502L);
      StoredState state = StoredState.read(redis.redis(), store.redisKey(key));
      assertThat(state.spec()).isEqualTo(String.join(",", pro.toArguments()));
      assertThat(state.expiresAtMillis())
          .as("the expiry stored with the state")
          .isGreaterThanOrEqualTo(ceilMillis(state.tat().get(0)))
          .isLessThanOrEqualTo(ceilMillis(state.tat().get(0)) + 1_002);

      assertThat(store.tryAcquire(key, pro, 1, 0).allowed()).isTrue();
      StoredState next = StoredState.read(redis.redis(), store.redisKey(key));
      assertThat(next.tat().get(0)).isGreaterThan(state.tat().get(0));
      assertThat(next.expiresAtMillis())
          .as("a charge that needs no later expiry keeps the key's")
          .isEqualTo(state.expiresAtMillis());

      store.giveBack(key, pro, 6);
      assertThat(redis.redis().exists(store.redisKey(key)))
          .as("a key given all back is full and holds nothing")
          .isZero();
    }
  }

  @Test
  void decidesExactlyAsGcraArithmeticForEveryPolicySizeClockAndStoredFormat() {
    List<PolicySpec> specs =
        List.of(
            spec("pro", Bandwidth.of(20).refilling(10, SECOND)),
            spec("odd", Bandwidth.of(7).refilling(3, Duration.ofMillis(1_001))),
            spec(
                "dual",
                Bandwidth.of(5).refilling(5, SECOND),
                Bandwidth.simple(8, Duration.ofHours(1))),
            spec(
                "monthly",
                Bandwidth.of(50).refilling(50, Duration.ofMinutes(1)),
                Bandwidth.simple(10_000, Duration.ofDays(31))),
            spec("decades", Bandwidth.of(2).refilling(1, Duration.ofDays(365L * 30))),
            spec("nanos", Bandwidth.of(1_000_000).refilling(1_000_000, Duration.ofMillis(1))));
    Random random = new Random(20261115L);
    AtomicLong now = new AtomicLong(1_767_225_600_987_654_321L);
    Map<String, Optional<GcraArithmetic.KeyState>> model = new HashMap<>();
    try (RedisRateLimiterStore store =
        RedisRateLimiterStore.builder(redis.client)
            .commandTimeout(Duration.ofSeconds(30))
            .frozenClockForTests(now::get)
            .build()) {
      for (int op = 0; op < 3_000; op++) {
        String key = tenant + "/k" + random.nextInt(4);
        PolicySpec spec = specs.get(random.nextInt(op % 7 == 0 ? specs.size() : 2));
        long permits = 1 + random.nextInt((int) Math.min(spec.maxPermits(), 6));
        Optional<GcraArithmetic.KeyState> current = model.getOrDefault(key, Optional.empty());
        if (random.nextInt(6) == 0) {
          // the previous build's format: the same value without the expiry at its end
          redis
              .redis()
              .eval(
                  "local raw = redis.call('GET', KEYS[1]) if raw then"
                      + " redis.call('SET', KEYS[1], string.sub(raw, 1, -9), 'KEEPTTL') end",
                  ScriptOutputType.STATUS,
                  store.redisKey(key));
        }
        if (random.nextInt(10) == 0) {
          store.giveBack(key, spec, permits);
          model.put(key, GcraArithmetic.giveBack(current, spec, permits, now.get()));
        } else {
          long maxWait =
              switch (random.nextInt(4)) {
                case 0 -> 0;
                case 1 -> random.nextInt(2_000_000_000);
                case 2 -> Long.MAX_VALUE;
                default -> (random.nextLong() >>> 1) >>> random.nextInt(40);
              };
          GcraArithmetic.Outcome expected =
              GcraArithmetic.tryAcquire(current, spec, permits, maxWait, now.get());
          StoreDecision actual = store.tryAcquire(key, spec, permits, maxWait);
          assertThat(actual)
              .as("operation %d on %s with %s", op, key, spec)
              .isEqualTo(expected.decision());
          model.put(key, expected.state());
        }
        StoredState stored = StoredState.read(redis.redis(), store.redisKey(key));
        if (stored.expiresAtMillis() != -1) {
          // a value left in the previous format by a call that wrote nothing has no expiry yet
          long latest = ceilMillis(Collections.max(stored.tat())) + 3_600_000L;
          assertThat(stored.expiresAtMillis())
              .as("expiry after operation %d: an hour (the frozen clock's pad) after the state", op)
              .isBetween(latest, latest + 1_001);
        }
        assertThat(stored.timeToLive(now.get()))
            .as("time to live after operation %d", op)
            .isEqualTo(
                model
                    .get(key)
                    .map(s -> s.expiresAtNanos() - now.get())
                    .filter(n -> n > 0)
                    .map(Duration::ofNanos));
        now.addAndGet(
            switch (random.nextInt(5)) {
              case 0 -> 0;
              case 1 -> random.nextInt(1_000);
              case 2 -> random.nextInt(300_000_000);
              case 3 -> Duration.ofMinutes(random.nextInt(120)).toNanos();
              default -> Duration.ofDays(random.nextInt(30)).toNanos();
            });
      }
    }
  }

  @Test
  void admitsExactlyTheLimitToManyClientsHammeringOneKey() throws Exception {
    PolicySpec hourly = spec("hourly", Bandwidth.of(1_000).refilling(1, Duration.ofHours(1)));
    String key = tenant + "/hammered";
    int clients = 8;
    List<RedisRateLimiterStore> stores = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      for (int c = 0; c < clients; c++) {
        stores.add(serverTimed());
      }
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Long>> granted = new ArrayList<>();
      for (RedisRateLimiterStore store : stores) {
        granted.add(
            pool.submit(
                () -> {
                  start.await();
                  long mine = 0;
                  for (int i = 0; i < 300; i++) {
                    mine += store.tryAcquire(key, hourly, 1, 0).allowed() ? 1 : 0;
                  }
                  return mine;
                }));
      }
      start.countDown();
      long total = 0;
      for (Future<Long> future : granted) {
        total += future.get(2, TimeUnit.MINUTES);
      }
      assertThat(total)
          .as("2,400 attempts within the hour that refills one permit: exactly the burst")
          .isEqualTo(1_000);
    } finally {
      pool.shutdownNow();
      stores.forEach(RedisRateLimiterStore::close);
    }
  }

  @Test
  void twoLimiterInstancesShareOneLimitThroughRedis() {
    RateLimitPolicy policy =
        RateLimitPolicy.of("pro", Bandwidth.of(10).refilling(1, Duration.ofHours(1)));
    try (RedisRateLimiterStore first = serverTimed();
        RedisRateLimiterStore second = serverTimed()) {
      RateLimiter<RateLimitKey> one =
          RateLimiter.<RateLimitKey>builder()
              .policy(policy)
              .store(first, RateLimitKey::toString)
              .build();
      RateLimiter<RateLimitKey> two =
          RateLimiter.<RateLimitKey>builder()
              .policy(policy)
              .store(second, RateLimitKey::toString)
              .build();
      RateLimitKey key =
          RateLimitKey.of(TenantId.of(tenant.replace("-", "").substring(0, 20)), "export");
      int granted = 0;
      for (int i = 0; i < 10; i++) {
        granted += (i % 2 == 0 ? one : two).tryConsume(key, 1) ? 1 : 0;
      }
      assertThat(granted).isEqualTo(10);
      assertThat(one.tryAcquire(key, 1)).isInstanceOf(RateLimitDecision.Denied.class);
      assertThat(two.tryAcquire(key, 1)).isInstanceOf(RateLimitDecision.Denied.class);
      assertThat(redis.redis().exists(first.redisKey(key.toString()))).isOne();
      assertThat(first.redisKey(key.toString())).endsWith("}/export");
    }
  }

  @Test
  void runsAgainAfterTheServerForgotTheScript() {
    PolicySpec pro = spec("pro", Bandwidth.of(20).refilling(10, SECOND));
    try (RedisRateLimiterStore store = serverTimed()) {
      assertThat(store.tryAcquire(tenant, pro, 1, 0).allowed()).isTrue();
      redis.redis().scriptFlush();
      assertThat(store.tryAcquire(tenant, pro, 19, 0).allowed()).isTrue();
      assertThat(store.tryAcquire(tenant, pro, 1, 0).allowed()).isFalse();
      assertThat(
              redis
                  .redis()
                  .scriptExists(
                      LuaScript.load(RedisRateLimiterStore.class, "rate-limiter.lua").sha1()))
          .containsExactly(true);
    }
  }

  @Test
  void aValueInAnotherFormatCountsAsAFullKeyAndIsOverwritten() {
    PolicySpec hourly = spec("hourly", Bandwidth.of(20).refilling(1, Duration.ofHours(1)));
    try (RedisRateLimiterStore store = serverTimed()) {
      for (String foreign :
          List.of(
              String.join(",", hourly.toArguments()) + "|1767225600,123456789",
              "other,1,5,10,2#short",
              "not a rate limit state")) {
        String key = tenant + "/k" + foreign.length();
        redis.redis().set(store.redisKey(key), foreign);
        assertThat(store.tryAcquire(key, hourly, 20, 0).allowed()).as(foreign).isTrue();
        assertThat(store.tryAcquire(key, hourly, 1, 0).allowed()).as(foreign).isFalse();
        assertThat(StoredState.read(redis.redis(), store.redisKey(key)).spec())
            .isEqualTo(String.join(",", hourly.toArguments()));
      }
    }
  }

  @Test
  void builderRejectsBadAndRepeatedSettings() {
    RedisRateLimiterStoreBuilder builder = RedisRateLimiterStore.builder(redis.client);
    assertThatThrownBy(() -> builder.keyPrefix("a{b}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("keyPrefix")
        .hasMessageContaining("a{b}");
    assertThatThrownBy(() -> builder.commandTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("commandTimeout must be between 1 ms and 10 minutes, was PT0S");
    assertThatThrownBy(() -> builder.failureThreshold(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("failureThreshold");
    assertThatThrownBy(() -> builder.breakerDelay(Duration.ofHours(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("breakerDelay");
    assertThatThrownBy(() -> builder.failureMode(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("mode");
    builder.failureMode(FailureMode.FAIL_OPEN);
    assertThatThrownBy(() -> builder.failureMode(FailureMode.FAIL_CLOSED))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("failureMode was already set");
    assertThatThrownBy(() -> RedisRateLimiterStore.builder(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("client");
    try (RedisRateLimiterStore store = builder.build()) {
      assertThat(store.failureMode()).isEqualTo(FailureMode.FAIL_OPEN);
    }
  }
}
