package dev.tdeveloper.backend.redis;

import dev.tdeveloper.backend.redis.internal.ProviderSettings;
import dev.tdeveloper.security.spi.RateLimiterStore;
import dev.tdeveloper.security.spi.RateLimiterStoreProvider;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Provides {@link RedisRateLimiterStore} under the name {@value #NAME}, on a {@link RedisClient} it
 * creates from the {@value #URI} setting and shuts down when the store closes. Settings:
 *
 * <ul>
 *   <li>{@value #URI} (required): {@code redis://host:port} or {@code rediss://...}, as Lettuce's
 *       {@link RedisURI} reads it;
 *   <li>{@value #KEY_PREFIX}: see {@link RedisRateLimiterStoreBuilder#keyPrefix};
 *   <li>{@value #COMMAND_TIMEOUT}, {@value #BREAKER_DELAY}: durations such as {@code 500ms}, {@code
 *       2s} or ISO-8601 {@code PT2S};
 *   <li>{@value #FAILURE_MODE}: {@code throw}, {@code fail-open}, {@code fail-closed} or {@code
 *       local-fallback};
 *   <li>{@value #FAILURE_THRESHOLD}: consecutive failures that open the circuit.
 * </ul>
 *
 * Any other setting is rejected. Stateless and thread-safe.
 */
public final class RedisRateLimiterStoreProvider implements RateLimiterStoreProvider {
  /** This provider's name: {@value}. */
  public static final String NAME = "redis";

  /** The server URI setting: {@value}. */
  public static final String URI = "uri";

  /** The key prefix setting: {@value}. */
  public static final String KEY_PREFIX = "key-prefix";

  /** The command timeout setting: {@value}. */
  public static final String COMMAND_TIMEOUT = "command-timeout";

  /** The failure mode setting: {@value}. */
  public static final String FAILURE_MODE = "failure-mode";

  /** The circuit breaker's failure threshold setting: {@value}. */
  public static final String FAILURE_THRESHOLD = "failure-threshold";

  /** The circuit breaker's delay setting: {@value}. */
  public static final String BREAKER_DELAY = "breaker-delay";

  private static final Set<String> SETTINGS =
      new TreeSet<>(
          Set.of(URI, KEY_PREFIX, COMMAND_TIMEOUT, FAILURE_MODE, FAILURE_THRESHOLD, BREAKER_DELAY));

  /** Creates the provider; called by {@link java.util.ServiceLoader}. */
  public RedisRateLimiterStoreProvider() {}

  @Override
  public String name() {
    return NAME;
  }

  /**
   * Creates a store and its client; nothing connects until the first decision.
   *
   * @throws IllegalArgumentException for an unknown, missing or invalid setting, naming it
   */
  @Override
  public RateLimiterStore create(Map<String, String> config) {
    Objects.requireNonNull(config, "config");
    ProviderSettings settings = ProviderSettings.of(NAME + " rate limiter store", config, SETTINGS);
    RedisURI redisUri = settings.uri(URI);
    RedisRateLimiterStoreBuilder builder = new RedisRateLimiterStoreBuilder(null, true);
    settings.get(KEY_PREFIX).ifPresent(builder::keyPrefix);
    settings.duration(COMMAND_TIMEOUT).ifPresent(builder::commandTimeout);
    settings.duration(BREAKER_DELAY).ifPresent(builder::breakerDelay);
    settings
        .number(FAILURE_THRESHOLD, 1, 1000)
        .ifPresent(failures -> builder.failureThreshold((int) failures));
    settings.get(FAILURE_MODE).ifPresent(value -> builder.failureMode(mode(value)));
    return builder.client(RedisClient.create(redisUri)).build();
  }

  private static FailureMode mode(String value) {
    String name = value.trim().toUpperCase(Locale.ROOT).replace('-', '_');
    for (FailureMode mode : FailureMode.values()) {
      if (mode.name().equals(name)) {
        return mode;
      }
    }
    throw new IllegalArgumentException(
        FAILURE_MODE
            + " must be throw, fail-open, fail-closed or local-fallback, was '"
            + value
            + "'");
  }
}
