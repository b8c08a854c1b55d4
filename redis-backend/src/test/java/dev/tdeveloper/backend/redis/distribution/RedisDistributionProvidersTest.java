package dev.tdeveloper.backend.redis.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.backend.redis.TestClient;
import dev.tdeveloper.distribution.clock.HlcTimestamp;
import dev.tdeveloper.distribution.edge.CachedResponse;
import dev.tdeveloper.distribution.region.RegionId;
import dev.tdeveloper.distribution.replication.Change;
import dev.tdeveloper.distribution.spi.EdgeCache;
import dev.tdeveloper.distribution.spi.EdgeCacheProvider;
import dev.tdeveloper.distribution.spi.ReplicationChannel;
import dev.tdeveloper.distribution.spi.ReplicationChannelProvider;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.testkit.servers.LocalRedisExtension;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The {@code redis} providers: discovery, properties, and a password that never leaks. */
@ExtendWith(LocalRedisExtension.class)
class RedisDistributionProvidersTest {
  private static final String PASSWORD = "s3cret-Pa55word";

  @Test
  void serviceLoaderFindsBothProvidersNamedRedis() {
    assertThat(ReplicationChannelProvider.select(Optional.of("redis")))
        .isInstanceOf(RedisReplicationChannelProvider.class);
    assertThat(EdgeCacheProvider.select(Optional.of("redis")))
        .isInstanceOf(RedisEdgeCacheProvider.class);
  }

  @Test
  void createdComponentsWorkOnTheServerAndOwnTheirClient(URI uri) {
    String prefix = TestClient.freshPrefix("provided");
    ReplicationChannel channel =
        new RedisReplicationChannelProvider()
            .create(
                Map.of(
                    "redis.uri",
                    uri.toString(),
                    "redis.key-prefix",
                    prefix,
                    "redis.command-timeout",
                    "5s",
                    "max-backlog",
                    "10"));
    try (RedisReplicationChannel redisChannel = (RedisReplicationChannel) channel) {
      RegionId eu = RegionId.of("eu-west-1");
      RegionId us = RegionId.of("us-east-1");
      redisChannel.publish(
          new Change(eu, Set.of(us), Optional.empty(), "t", HlcTimestamp.ZERO, new byte[] {1}));
      assertThat(redisChannel.poll(us, 5)).hasSize(1);
      assertThat(redisChannel.toString()).contains(prefix).contains("maxBacklog=10");
    }
    EdgeCache cache =
        new RedisEdgeCacheProvider()
            .create(
                Map.of(
                    "redis.uri", uri.toString(),
                    "max-entries-per-tenant", "3",
                    "max-bytes-per-tenant", "100000"));
    try (RedisEdgeCache redisCache = (RedisEdgeCache) cache) {
      TenantId tenant = TenantId.of("provided-" + prefix.hashCode() % 1000 + "x");
      CachedResponse response = new CachedResponse(200, Map.of(), new byte[] {7});
      redisCache.put(tenant, "k", response, Duration.ofMinutes(1), Set.of());
      assertThat(redisCache.get(tenant, "k")).contains(response);
      redisCache.purgeTenant(tenant);
      assertThat(redisCache.toString()).contains("maxEntriesPerTenant=3");
    }
  }

  @Test
  void rejectsUnknownMissingAndInvalidPropertiesNamingThem() {
    assertThatThrownBy(
            () ->
                new RedisReplicationChannelProvider()
                    .create(Map.of("redis.uri", "redis://localhost", "redis.uri-typo", "x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'redis.uri-typo'");
    assertThatThrownBy(() -> new RedisEdgeCacheProvider().create(Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("redis.uri");
    assertThatThrownBy(
            () ->
                new RedisEdgeCacheProvider()
                    .create(
                        Map.of("redis.uri", "redis://localhost", "max-entries-per-tenant", "0")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("max-entries-per-tenant")
        .hasMessageContaining("'0'");
    assertThatThrownBy(
            () ->
                new RedisReplicationChannelProvider()
                    .create(
                        Map.of("redis.uri", "redis://localhost", "redis.command-timeout", "soon")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("redis.command-timeout")
        .hasMessageContaining("'soon'");
    assertThatThrownBy(
            () ->
                new RedisReplicationChannelProvider()
                    .create(Map.of("redis.uri", "redis://localhost", "redis.key-prefix", "{x}")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("{x}");
  }

  @Test
  void thePasswordNeverAppearsInAnErrorOrToString() throws IOException {
    assertThatThrownBy(
            () ->
                new RedisEdgeCacheProvider()
                    .create(Map.of("redis.uri", "redis://:" + PASSWORD + "@[not-a-host")))
        .isInstanceOf(IllegalArgumentException.class)
        .satisfies(RedisDistributionProvidersTest::neverMentionsThePassword);

    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    String uri = "redis://:" + PASSWORD + "@127.0.0.1:" + closedPort;
    try (RedisEdgeCache cache =
            (RedisEdgeCache)
                new RedisEdgeCacheProvider()
                    .create(Map.of("redis.uri", uri, "redis.command-timeout", "500ms"));
        RedisReplicationChannel channel =
            (RedisReplicationChannel)
                new RedisReplicationChannelProvider()
                    .create(Map.of("redis.uri", uri, "redis.command-timeout", "500ms"))) {
      assertThatThrownBy(() -> cache.get(TenantId.of("acme"), "k"))
          .isInstanceOf(RedisDistributionException.class)
          .satisfies(RedisDistributionProvidersTest::neverMentionsThePassword);
      assertThatThrownBy(() -> channel.published(RegionId.of("eu-west-1")))
          .isInstanceOf(RedisDistributionException.class)
          .satisfies(RedisDistributionProvidersTest::neverMentionsThePassword);
      assertThat(cache.toString()).doesNotContain(PASSWORD);
      assertThat(channel.toString()).doesNotContain(PASSWORD);
    }
  }

  private static void neverMentionsThePassword(Throwable thrown) {
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      assertThat(String.valueOf(t.getMessage())).doesNotContain(PASSWORD);
      assertThat(t.toString()).doesNotContain(PASSWORD);
      for (Throwable suppressed : t.getSuppressed()) {
        assertThat(suppressed.toString()).doesNotContain(PASSWORD);
      }
    }
  }
}
