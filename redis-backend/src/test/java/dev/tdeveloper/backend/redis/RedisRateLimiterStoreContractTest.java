package dev.tdeveloper.backend.redis;

import dev.tdeveloper.security.testkit.RateLimiterStoreContract;
import dev.tdeveloper.security.testkit.StoreUnderTest;
import dev.tdeveloper.tenancy.testkit.servers.LocalRedisExtension;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The store contract on a real redis-server. The script decides by a frozen clock that the test
 * moves (starting at a real epoch time, so times are far above 2^53 ns); time-to-live is derived
 * from the stored arrival times and that clock, while {@link RedisRateLimiterStoreTest} checks the
 * server's own expiry on {@code TIME}.
 */
@ExtendWith(LocalRedisExtension.class)
class RedisRateLimiterStoreContractTest extends RateLimiterStoreContract {
  private static TestClient redis;

  @BeforeAll
  static void connect(URI uri) {
    redis = new TestClient(uri);
  }

  @AfterAll
  static void disconnect() {
    redis.close();
  }

  @Override
  protected StoreUnderTest create() {
    AtomicLong now = new AtomicLong(1_767_225_600_123_456_789L);
    RedisRateLimiterStore store =
        RedisRateLimiterStore.builder(redis.client)
            .commandTimeout(Duration.ofSeconds(30))
            .frozenClockForTests(now::get)
            .build();
    return new StoreUnderTest(
        store,
        amount -> now.addAndGet(amount.toNanos()),
        key -> StoredState.read(redis.redis(), store.redisKey(key)).timeToLive(now.get()));
  }
}
