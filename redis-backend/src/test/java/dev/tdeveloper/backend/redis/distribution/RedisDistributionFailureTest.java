package dev.tdeveloper.backend.redis.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.backend.redis.TestClient;
import dev.tdeveloper.distribution.clock.HlcTimestamp;
import dev.tdeveloper.distribution.edge.CachedResponse;
import dev.tdeveloper.distribution.region.RegionId;
import dev.tdeveloper.distribution.replication.Change;
import dev.tdeveloper.tenancy.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Redis stopped under the three components and started again (same port, empty, its script cache
 * gone): while it is down every operation throws {@link RedisDistributionException} naming the
 * component; once it is back the same instances work again without being rebuilt. Uses a server of
 * its own, since it stops it.
 */
class RedisDistributionFailureTest {
  private static final RegionId EU = RegionId.of("eu-west-1");
  private static final RegionId US = RegionId.of("us-east-1");
  private static final TenantId ACME = TenantId.of("acme");
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

  private static Change change(String text) {
    return new Change(
        EU, Set.of(US), Optional.of(ACME), "notes/acme", new HlcTimestamp(1, 0), text.getBytes());
  }

  private static CachedResponse response() {
    return new CachedResponse(200, Map.of(), new byte[] {1, 2, 3});
  }

  @Test
  void everyOperationFailsWithTheComponentsExceptionWhileRedisIsDownAndRecoversAfter() {
    Duration timeout = Duration.ofMillis(500);
    try (RedisReplicationChannel channel =
            RedisReplicationChannel.builder(redis.client).commandTimeout(timeout).build();
        RedisEdgeCache cache =
            RedisEdgeCache.builder(redis.client).commandTimeout(timeout).build();
        RedisHlcStateStore store =
            RedisHlcStateStore.builder(redis.client).name("down").commandTimeout(timeout).build()) {
      channel.publish(change("before"));
      cache.put(ACME, "k", response(), Duration.ofMinutes(1), Set.of("t"));
      store.store(1_000);

      redis.ownServer().stop();
      assertDown(() -> channel.publish(change("during")), "Redis replication channel");
      assertDown(() -> channel.poll(US, 10), "Redis replication channel");
      assertDown(() -> channel.published(EU), "Redis replication channel");
      assertDown(() -> cache.get(ACME, "k"), "Redis edge cache");
      assertDown(() -> cache.purge(ACME, "t"), "Redis edge cache");
      assertDown(store::load, "Redis HLC state store");
      assertDown(
          () -> {
            store.store(2_000);
            return null;
          },
          "Redis HLC state store");

      redis.ownServer().start();
      // the restarted server is empty (no persistence) and has no scripts cached
      assertThat(eventually(() -> channel.publish(change("after")).sequence())).isEqualTo(1);
      assertThat(channel.poll(US, 10)).hasSize(1);
      cache.put(ACME, "k", response(), Duration.ofMinutes(1), Set.of("t"));
      assertThat(cache.get(ACME, "k")).contains(response());
      assertThat(eventually(store::load)).isZero();
      store.store(3_000);
      assertThat(store.load()).isEqualTo(3_000);
    }
  }

  private static void assertDown(Supplier<?> operation, String component) {
    assertThatThrownBy(operation::get)
        .isInstanceOf(RedisDistributionException.class)
        .hasMessageContaining(component);
  }

  /** Retries while Lettuce reconnects; each failed attempt waits on its command timeout. */
  private static <T> T eventually(Supplier<T> operation) {
    Instant deadline = Instant.now().plus(DEADLINE);
    while (true) {
      try {
        return operation.get();
      } catch (RedisDistributionException e) {
        if (Instant.now().isAfter(deadline)) {
          throw e;
        }
      }
    }
  }
}
