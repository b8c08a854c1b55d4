package dev.tdeveloper.security.ratelimit;

import dev.tdeveloper.security.spi.RateLimiterStore;
import dev.tdeveloper.security.spi.RateLimiterStoreProvider;
import dev.tdeveloper.tenancy.time.Ticker;
import java.util.Map;
import java.util.Objects;

/**
 * Provides {@link InProcessRateLimiterStore} under the name {@value #NAME}, on the system ticker.
 * Its one optional setting is {@value #MAXIMUM_KEYS} (default {@value
 * RateLimiterBuilder#DEFAULT_MAXIMUM_KEYS}); any other setting is rejected. Stateless and
 * thread-safe.
 */
public final class InProcessRateLimiterStoreProvider implements RateLimiterStoreProvider {
  /** This provider's name: {@value}. */
  public static final String NAME = "in-process";

  /** The setting capping the keys holding state: {@value}. */
  public static final String MAXIMUM_KEYS = "maximum-keys";

  /** Creates the provider; called by {@link java.util.ServiceLoader}. */
  public InProcessRateLimiterStoreProvider() {}

  @Override
  public String name() {
    return NAME;
  }

  /**
   * Creates a store.
   *
   * @throws IllegalArgumentException for an unknown setting or a bad {@value #MAXIMUM_KEYS}
   */
  @Override
  public RateLimiterStore create(Map<String, String> config) {
    Objects.requireNonNull(config, "config");
    for (String setting : config.keySet()) {
      if (!setting.equals(MAXIMUM_KEYS)) {
        throw new IllegalArgumentException(
            "the "
                + NAME
                + " rate limiter store has no setting '"
                + setting
                + "'; it accepts only "
                + MAXIMUM_KEYS);
      }
    }
    String value = config.get(MAXIMUM_KEYS);
    if (value == null) {
      return new InProcessRateLimiterStore(Ticker.system());
    }
    int maximumKeys;
    try {
      maximumKeys = Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          MAXIMUM_KEYS + " must be an integer from 1 to 2^30, was '" + value + "'", e);
    }
    return new InProcessRateLimiterStore(Ticker.system(), maximumKeys);
  }
}
