package dev.tdeveloper.backend.redis.distribution;

import dev.tdeveloper.backend.redis.internal.ProviderSettings;
import dev.tdeveloper.distribution.spi.ReplicationChannel;
import dev.tdeveloper.distribution.spi.ReplicationChannelProvider;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Provides {@link RedisReplicationChannel} under the name {@value #NAME}, on a {@link RedisClient}
 * it creates from {@code redis.uri} (shut down when the channel closes). Properties: {@code
 * redis.uri} (required; its value never appears in a message, since it may hold a password), {@code
 * redis.key-prefix}, {@code redis.command-timeout} (e.g. {@code 500ms}, {@code 2s}) and {@value
 * #MAX_BACKLOG}. Unknown properties are rejected. Stateless and thread-safe.
 */
public final class RedisReplicationChannelProvider implements ReplicationChannelProvider {
  /** This provider's name: {@value}. */
  public static final String NAME = "redis";

  /** Property: the most entries one origin's stream holds. */
  public static final String MAX_BACKLOG = "max-backlog";

  private static final Set<String> KNOWN =
      new TreeSet<>(
          Set.of(
              LinkDefaults.URI,
              LinkDefaults.KEY_PREFIX,
              LinkDefaults.COMMAND_TIMEOUT,
              MAX_BACKLOG));

  /** Creates the provider; called by {@link java.util.ServiceLoader}. */
  public RedisReplicationChannelProvider() {}

  @Override
  public String name() {
    return NAME;
  }

  /**
   * Creates a channel and its client; nothing connects until first use.
   *
   * @throws IllegalArgumentException naming an unknown, missing or invalid property
   */
  @Override
  public ReplicationChannel create(Map<String, String> properties) {
    Objects.requireNonNull(properties, "properties");
    ProviderSettings settings = ProviderSettings.of("redis replication channel", properties, KNOWN);
    RedisURI uri = settings.uri(LinkDefaults.URI);
    RedisReplicationChannelBuilder builder = new RedisReplicationChannelBuilder(null, true);
    settings
        .number(MAX_BACKLOG, 1, Integer.MAX_VALUE)
        .ifPresent(backlog -> builder.maxBacklog((int) backlog));
    settings.duration(LinkDefaults.COMMAND_TIMEOUT).ifPresent(builder::commandTimeout);
    settings.get(LinkDefaults.KEY_PREFIX).ifPresent(builder::keyPrefix);
    // every setting is valid: only now create the client, which the channel then owns
    builder.settings.client(RedisClient.create(uri));
    return builder.build();
  }
}
