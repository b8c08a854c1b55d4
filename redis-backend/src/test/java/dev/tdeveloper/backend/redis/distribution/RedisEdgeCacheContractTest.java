package dev.tdeveloper.backend.redis.distribution;

import dev.tdeveloper.backend.redis.TestClient;
import dev.tdeveloper.distribution.spi.EdgeCache;
import dev.tdeveloper.distribution.testkit.EdgeCacheContract;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import dev.tdeveloper.tenancy.testkit.servers.LocalRedisExtension;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The edge cache contract on a real redis-server. Entries expire by the injected clock (the
 * server's own TTLs are the kit's minutes, never reached), so the kit's manual clock drives expiry
 * without waiting.
 */
@ExtendWith(LocalRedisExtension.class)
class RedisEdgeCacheContractTest extends EdgeCacheContract {
  private static TestClient redis;
  private RedisEdgeCache created;

  @BeforeAll
  static void connect(URI uri) {
    redis = new TestClient(uri);
  }

  @AfterAll
  static void disconnect() {
    redis.close();
  }

  @Override
  protected EdgeCache createCache(ManualClock clock, int maxEntriesPerTenant) {
    created =
        RedisEdgeCache.builder(redis.client)
            .clock(clock)
            .maxEntriesPerTenant(maxEntriesPerTenant)
            .keyPrefix(TestClient.freshPrefix("edge-contract"))
            .commandTimeout(Duration.ofSeconds(30))
            .build();
    return created;
  }

  @AfterEach
  void closeCache() {
    created.close();
  }
}
