package com.example.nimbus;

import dev.tdeveloper.security.spi.RateLimiterStore;
import dev.tdeveloper.security.spi.RateLimiterStoreProvider;
import java.util.Map;

/** The {@code nimbus} rate limiter store provider, found by {@link java.util.ServiceLoader}. */
public final class NimbusRateLimiterStoreProvider implements RateLimiterStoreProvider {
  /** Creates the provider; called by {@link java.util.ServiceLoader}. */
  public NimbusRateLimiterStoreProvider() {}

  @Override
  public String name() {
    return "nimbus";
  }

  @Override
  public RateLimiterStore create(Map<String, String> config) {
    return new NimbusRateLimiterStore(
        NimbusTable.connect(NimbusProviders.endpoint(config), "rate-limits"));
  }
}
