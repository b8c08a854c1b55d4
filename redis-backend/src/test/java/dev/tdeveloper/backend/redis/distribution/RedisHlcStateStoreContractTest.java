package dev.tdeveloper.backend.redis.distribution;

import dev.tdeveloper.backend.redis.TestClient;
import dev.tdeveloper.distribution.spi.HlcStateStore;
import dev.tdeveloper.distribution.testkit.HlcStateStoreContract;
import dev.tdeveloper.tenancy.testkit.servers.LocalRedisExtension;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** The HLC state store contract on a real redis-server: one fresh name per test. */
@ExtendWith(LocalRedisExtension.class)
class RedisHlcStateStoreContractTest extends HlcStateStoreContract {
  private static TestClient redis;
  private final List<RedisHlcStateStore> opened = new ArrayList<>();
  private String name;

  @BeforeAll
  static void connect(URI uri) {
    redis = new TestClient(uri);
  }

  @AfterAll
  static void disconnect() {
    redis.close();
  }

  @BeforeEach
  void freshName() {
    name = "contract/" + UUID.randomUUID();
  }

  @Override
  protected HlcStateStore open() {
    RedisHlcStateStore store =
        RedisHlcStateStore.builder(redis.client)
            .name(name)
            .commandTimeout(Duration.ofSeconds(30))
            .build();
    opened.add(store);
    return store;
  }

  @AfterEach
  void closeStores() {
    opened.forEach(RedisHlcStateStore::close);
  }
}
