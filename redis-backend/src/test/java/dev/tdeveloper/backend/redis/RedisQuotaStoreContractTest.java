package dev.tdeveloper.backend.redis;

import dev.tdeveloper.tenancy.spi.QuotaStore;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import dev.tdeveloper.tenancy.testkit.QuotaStoreContract;
import dev.tdeveloper.tenancy.testkit.servers.LocalRedisExtension;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The quota store contract on a real redis-server. The server drops keys on its own clock, so the
 * test clock starts at the real time (and every store gets a fresh key prefix).
 */
@ExtendWith(LocalRedisExtension.class)
class RedisQuotaStoreContractTest extends QuotaStoreContract {
  private static TestClient redis;
  private RedisQuotaStore created;

  @BeforeAll
  static void connect(URI uri) {
    redis = new TestClient(uri);
  }

  @AfterAll
  static void disconnect() {
    redis.close();
  }

  @Override
  protected ManualClock newClock() {
    return new ManualClock(Instant.now());
  }

  @Override
  protected QuotaStore createStore(ManualClock clock) {
    created =
        RedisQuotaStore.builder(redis.client)
            .clock(clock)
            .keyPrefix("quota-contract:" + UUID.randomUUID() + ":")
            .commandTimeout(Duration.ofSeconds(30))
            .build();
    return created;
  }

  @AfterEach
  void closeStore() {
    created.close();
  }
}
