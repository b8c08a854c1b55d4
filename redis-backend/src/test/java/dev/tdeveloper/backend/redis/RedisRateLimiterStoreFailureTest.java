package dev.tdeveloper.backend.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.failsafe.CircuitBreaker;
import dev.tdeveloper.security.ratelimit.Bandwidth;
import dev.tdeveloper.security.ratelimit.RateLimitPolicy;
import dev.tdeveloper.security.spi.PolicySpec;
import dev.tdeveloper.security.spi.RateLimiterStoreException;
import dev.tdeveloper.security.spi.StoreDecision;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Redis stopped in the middle of traffic and started again (same port, empty): while it is down
 * decisions follow the failure mode, the circuit opens, and once Redis is back the circuit closes
 * and decisions come from Redis again. Uses a server of its own, since it stops it.
 */
class RedisRateLimiterStoreFailureTest {
  private static final PolicySpec FIVE =
      PolicySpec.of(RateLimitPolicy.of("five", Bandwidth.of(5).refilling(1, Duration.ofHours(1))));
  private static final Duration DEADLINE = Duration.ofSeconds(60);

  private static TestClient redis;

  @BeforeAll
  static void startServer() {
    redis = TestClient.onOwnServer();
  }

  @AfterAll
  static void stopServer() {
    redis.close();
  }

  @ParameterizedTest
  @EnumSource(FailureMode.class)
  void decisionsFollowTheModeWhileRedisIsDownAndComeBackFromRedis(FailureMode mode)
      throws Exception {
    String tenant = "acme-" + mode.name().toLowerCase(java.util.Locale.ROOT);
    try (RedisRateLimiterStore store =
        RedisRateLimiterStore.builder(redis.client)
            .failureMode(mode)
            .commandTimeout(Duration.ofSeconds(1))
            .failureThreshold(2)
            .breakerDelay(Duration.ofMillis(500))
            .build()) {
      for (int i = 0; i < 5; i++) {
        assertThat(store.tryAcquire(tenant, FIVE, 1, 0).allowed()).isTrue();
      }
      assertThat(store.tryAcquire(tenant, FIVE, 1, 0).allowed()).isFalse();

      Queue<Throwable> escaped = new ConcurrentLinkedQueue<>();
      AtomicLong background = new AtomicLong();
      AtomicBoolean running = new AtomicBoolean(true);
      Thread traffic =
          new Thread(
              () -> {
                while (running.get()) {
                  try {
                    store.tryAcquire(tenant + "/background", FIVE, 1, 0);
                  } catch (RateLimiterStoreException e) {
                    if (mode != FailureMode.THROW) {
                      escaped.add(e);
                    }
                  } catch (RuntimeException e) {
                    escaped.add(e);
                  }
                  background.incrementAndGet();
                }
              },
              "traffic");
      traffic.start();
      try {
        redis.ownServer().stop();
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (!store.circuitBreaker().isOpen()) {
          assertThat(System.nanoTime()).as("the circuit opens").isLessThan(deadline);
          answerWhileDown(store, mode, tenant);
        }
        List<StoreDecision> whileOpen = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
          StoreDecision d = answerWhileDown(store, mode, tenant + "/open");
          if (d != null) {
            whileOpen.add(d);
          }
        }
        switch (mode) {
          case FAIL_OPEN -> assertThat(whileOpen).allMatch(StoreDecision::allowed).hasSize(8);
          case FAIL_CLOSED -> assertThat(whileOpen).noneMatch(StoreDecision::allowed).hasSize(8);
          case LOCAL_FALLBACK ->
              assertThat(whileOpen)
                  .as("the local store enforces the limit on this instance")
                  .extracting(StoreDecision::allowed)
                  .containsExactly(true, true, true, true, true, false, false, false);
          case THROW -> assertThat(whileOpen).isEmpty();
        }

        redis.ownServer().start();
        while (!recoveredFromRedis(store, tenant + "/probe")) {
          assertThat(System.nanoTime()).as("the store recovers").isLessThan(deadline);
          Thread.sleep(50);
        }
        assertThat(store.circuitBreaker().isClosed()).isTrue();
        // the restarted server is empty: the tenant's key starts afresh, in Redis
        for (int i = 0; i < 5; i++) {
          assertThat(store.tryAcquire(tenant, FIVE, 1, 0).allowed()).isTrue();
        }
        assertThat(store.tryAcquire(tenant, FIVE, 1, 0).allowed()).isFalse();
        assertThat(redis.redis().exists(store.redisKey(tenant))).isOne();
      } finally {
        running.set(false);
        traffic.join(DEADLINE.toMillis());
      }
      assertThat(escaped).as("exceptions escaping in mode %s", mode).isEmpty();
      assertThat(background.get()).isPositive();
    }
  }

  /** One decision while Redis is down: checks it against the mode; null when it threw. */
  private static StoreDecision answerWhileDown(
      RedisRateLimiterStore store, FailureMode mode, String key) {
    if (mode == FailureMode.THROW) {
      assertThatThrownBy(() -> store.tryAcquire(key, FIVE, 1, 0))
          .isInstanceOf(RateLimiterStoreException.class);
      return null;
    }
    StoreDecision d = store.tryAcquire(key, FIVE, 1, 0);
    if (mode == FailureMode.FAIL_OPEN) {
      assertThat(d).isEqualTo(StoreDecision.allowed(0, 5, 4, Duration.ofHours(1).toNanos()));
    } else if (mode == FailureMode.FAIL_CLOSED) {
      assertThat(d.allowed()).isFalse();
      assertThat(d.retryAfterNanos()).isBetween(1L, Duration.ofMillis(500).toNanos());
    }
    return d;
  }

  /** Whether a decision on a fresh key now leaves its state in Redis, with the circuit closed. */
  private static boolean recoveredFromRedis(RedisRateLimiterStore store, String probe) {
    CircuitBreaker<Object> breaker = store.circuitBreaker();
    try {
      store.tryAcquire(probe, FIVE, 1, 0);
    } catch (RateLimiterStoreException e) {
      return false;
    }
    try {
      return breaker.isClosed() && redis.redis().exists(store.redisKey(probe)) == 1;
    } catch (RuntimeException e) {
      return false;
    }
  }
}
