package ${package};

import dev.tdeveloper.security.spi.RateLimiterStore;
import dev.tdeveloper.security.spi.RateLimiterStoreProvider;
import java.util.Map;

/** The {@code ${cloud.toLowerCase()}} {@link RateLimiterStoreProvider}, found by {@link java.util.ServiceLoader}. */
public final class ${cloud}RateLimiterStoreProvider implements RateLimiterStoreProvider {
  /** Creates the provider; called by {@link java.util.ServiceLoader}. */
  public ${cloud}RateLimiterStoreProvider() {}

  @Override
  public String name() {
    return "${cloud.toLowerCase()}";
  }

  /** Creates the backend; read the ${cloud} endpoint and credentials from the settings. */
  @Override
  public RateLimiterStore create(Map<String, String> config) {
    return new ${cloud}RateLimiterStore();
  }
}
