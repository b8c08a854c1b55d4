package dev.tdeveloper.backend.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;

/**
 * A Lettuce client for the tests of every package: small thread pools and a constant 100 ms
 * reconnect delay (the default backs off up to 30 s, too slow for a test that restarts the server),
 * plus a plain connection for looking at keys directly.
 */
public final class TestClient implements AutoCloseable {
  /** The client to build the component under test on. */
  public final RedisClient client;

  private final ClientResources resources;
  private final StatefulRedisConnection<String, String> direct;

  /** Creates the client for the server at {@code uri} and opens its own connection. */
  public TestClient(URI uri) {
    resources =
        ClientResources.builder()
            .ioThreadPoolSize(2)
            .computationThreadPoolSize(2)
            .reconnectDelay(Delay.constant(Duration.ofMillis(100)))
            .build();
    client = RedisClient.create(resources, RedisURI.create(uri.toString()));
    direct = client.connect();
    direct.setTimeout(Duration.ofSeconds(10));
  }

  /** Commands on a connection of its own, for checking what a component wrote. */
  public RedisCommands<String, String> redis() {
    return direct.sync();
  }

  /** A key prefix no other test uses. */
  public static String freshPrefix(String what) {
    return what + ":" + UUID.randomUUID() + ":";
  }

  @Override
  public void close() {
    direct.close();
    client.shutdown();
    resources.shutdown();
  }
}
