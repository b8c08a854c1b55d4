package dev.tdeveloper.backend.redis;

import dev.tdeveloper.backend.redis.internal.ProviderSettings;
import dev.tdeveloper.tenancy.spi.QuotaStore;
import dev.tdeveloper.tenancy.spi.QuotaStoreConfig;
import dev.tdeveloper.tenancy.spi.QuotaStoreProvider;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Provides {@link RedisQuotaStore} under the name {@value #NAME}, on the configuration's clock and
 * a {@link RedisClient} it creates from {@value #URI} (shut down when the store closes).
 * Properties: {@value #URI} (required), {@value #KEY_PREFIX} and {@value #COMMAND_TIMEOUT} (for
 * example {@code 500ms}, {@code 2s}, {@code PT1S}). Other {@code redis.*} properties are rejected
 * as typos; properties of other backends (another prefix) are ignored. Stateless and thread-safe.
 */
public final class RedisQuotaStoreProvider implements QuotaStoreProvider {
  /** This provider's name: {@value}. */
  public static final String NAME = "redis";

  /** Property: the server URI. */
  public static final String URI = "redis.uri";

  /** Property: the key prefix. */
  public static final String KEY_PREFIX = "redis.key-prefix";

  /** Property: the command timeout. */
  public static final String COMMAND_TIMEOUT = "redis.command-timeout";

  private static final Set<String> KNOWN = new TreeSet<>(Set.of(URI, KEY_PREFIX, COMMAND_TIMEOUT));

  /** Creates the provider; called by {@link java.util.ServiceLoader}. */
  public RedisQuotaStoreProvider() {}

  @Override
  public String name() {
    return NAME;
  }

  /**
   * Creates a store and its client; nothing connects until first use.
   *
   * @throws IllegalArgumentException for an unknown {@code redis.*} property or a missing or
   *     invalid one, naming it
   */
  @Override
  public QuotaStore create(QuotaStoreConfig config) {
    Objects.requireNonNull(config, "config");
    Map<String, String> properties = config.properties();
    Map<String, String> ours = new HashMap<>(properties);
    ours.keySet().removeIf(key -> !key.startsWith("redis."));
    ProviderSettings settings = ProviderSettings.of("redis quota store", ours, KNOWN);
    RedisURI uri = settings.uri(URI);
    RedisQuotaStoreBuilder builder = new RedisQuotaStoreBuilder(null, true).clock(config.clock());
    settings.get(KEY_PREFIX).ifPresent(builder::keyPrefix);
    settings.duration(COMMAND_TIMEOUT).ifPresent(builder::commandTimeout);
    return builder.client(RedisClient.create(uri)).build();
  }
}
