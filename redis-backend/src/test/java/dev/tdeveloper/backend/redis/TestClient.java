package dev.tdeveloper.backend.redis;

import dev.tdeveloper.tenancy.testkit.servers.LocalRedis;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
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
  private final Optional<LocalRedis> ownServer;

  /** Creates the client for the server at {@code uri} and opens its own connection. */
  public TestClient(URI uri) {
    this(uri, Optional.empty());
  }

  private TestClient(URI uri, Optional<LocalRedis> ownServer) {
    this.ownServer = ownServer;
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

  /**
   * Starts a server of its own (for a test that stops it) and a client for it; {@link #close()}
   * stops the server too.
   */
  public static TestClient onOwnServer() {
    LocalRedis server = LocalRedis.startNew();
    try {
      return new TestClient(server.uri(), Optional.of(server));
    } catch (RuntimeException e) {
      server.close();
      throw e;
    }
  }

  /** The server of its own that {@link #onOwnServer()} started. */
  public LocalRedis ownServer() {
    return ownServer.orElseThrow(() -> new IllegalStateException("not on a server of its own"));
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
    ownServer.ifPresent(LocalRedis::close);
  }
}
