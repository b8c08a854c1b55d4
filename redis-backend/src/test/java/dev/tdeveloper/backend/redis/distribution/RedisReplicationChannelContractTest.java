package dev.tdeveloper.backend.redis.distribution;

import dev.tdeveloper.backend.redis.TestClient;
import dev.tdeveloper.distribution.spi.ReplicationChannel;
import dev.tdeveloper.distribution.testkit.ReplicationChannelContract;
import dev.tdeveloper.tenancy.testkit.servers.LocalRedisExtension;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/** The replication channel contract on a real redis-server, a fresh key prefix per test. */
@ExtendWith(LocalRedisExtension.class)
class RedisReplicationChannelContractTest extends ReplicationChannelContract {
  private static TestClient redis;
  private RedisReplicationChannel created;

  @BeforeAll
  static void connect(URI uri) {
    redis = new TestClient(uri);
  }

  @AfterAll
  static void disconnect() {
    redis.close();
  }

  @Override
  protected ReplicationChannel newChannel() {
    created =
        RedisReplicationChannel.builder(redis.client)
            .keyPrefix(TestClient.freshPrefix("repl-contract"))
            .commandTimeout(Duration.ofSeconds(30))
            .build();
    return created;
  }

  @AfterEach
  void closeChannel() {
    created.close();
  }
}
