package dev.tdeveloper.backend.redis.distribution;

import dev.tdeveloper.backend.redis.internal.ProviderSettings;
import dev.tdeveloper.distribution.spi.EdgeCache;
import dev.tdeveloper.distribution.spi.EdgeCacheProvider;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Provides {@link RedisEdgeCache} under the name {@value #NAME}, on the system clock and a {@link
 * RedisClient} it creates from {@code redis.uri} (shut down when the cache closes). Properties:
 * {@code redis.uri} (required; its value never appears in a message, since it may hold a password),
 * {@code redis.key-prefix}, {@code redis.command-timeout} (e.g. {@code 500ms}, {@code 2s}), {@value
 * #MAX_ENTRIES_PER_TENANT} and {@value #MAX_BYTES_PER_TENANT}. Unknown properties are rejected.
 * Stateless and thread-safe.
 */
public final class RedisEdgeCacheProvider implements EdgeCacheProvider {
  /** This provider's name: {@value}. */
  public static final String NAME = "redis";

  /** Property: the most entries one tenant keeps. */
  public static final String MAX_ENTRIES_PER_TENANT = "max-entries-per-tenant";

  /** Property: the most bytes one tenant's entries take. */
  public static final String MAX_BYTES_PER_TENANT = "max-bytes-per-tenant";

  private static final Set<String> KNOWN =
      new TreeSet<>(
          Set.of(
              LinkDefaults.URI,
              LinkDefaults.KEY_PREFIX,
              LinkDefaults.COMMAND_TIMEOUT,
              MAX_ENTRIES_PER_TENANT,
              MAX_BYTES_PER_TENANT));

  /** Creates the provider; called by {@link java.util.ServiceLoader}. */
  public RedisEdgeCacheProvider() {}

  @Override
  public String name() {
    return NAME;
  }

  /**
   * Creates a cache and its client; nothing connects until first use.
   *
   * @throws IllegalArgumentException naming an unknown, missing or invalid property
   */
  @Override
  public EdgeCache create(Map<String, String> properties) {
    Objects.requireNonNull(properties, "properties");
    ProviderSettings settings = ProviderSettings.of("redis edge cache", properties, KNOWN);
    RedisURI uri = settings.uri(LinkDefaults.URI);
    RedisEdgeCacheBuilder builder = new RedisEdgeCacheBuilder(null, true);
    settings
        .number(MAX_ENTRIES_PER_TENANT, 1, Integer.MAX_VALUE)
        .ifPresent(entries -> builder.maxEntriesPerTenant((int) entries));
    settings
        .number(MAX_BYTES_PER_TENANT, 1, RedisEdgeCacheBuilder.MAX_BYTES_PER_TENANT)
        .ifPresent(builder::maxBytesPerTenant);
    settings.duration(LinkDefaults.COMMAND_TIMEOUT).ifPresent(builder::commandTimeout);
    settings.get(LinkDefaults.KEY_PREFIX).ifPresent(builder::keyPrefix);
    // every setting is valid: only now create the client, which the cache then owns
    builder.settings.client(RedisClient.create(uri));
    return builder.build();
  }
}
