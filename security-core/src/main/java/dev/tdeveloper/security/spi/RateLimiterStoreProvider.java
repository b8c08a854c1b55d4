package dev.tdeveloper.security.spi;

import dev.tdeveloper.tenancy.spi.NamedProvider;
import java.util.Map;

/**
 * Creates {@link RateLimiterStore}s; registered in {@code
 * META-INF/services/dev.tdeveloper.security.spi.RateLimiterStoreProvider} and picked by {@link
 * RateLimiterStore#fromProviders}. security-core registers {@code in-process}.
 *
 * <p>Implementations must be thread-safe and have a public no-argument constructor.
 */
public interface RateLimiterStoreProvider extends NamedProvider {
  /**
   * Creates a store; the caller closes it.
   *
   * @param config backend settings (for example a server URI); keys are backend-specific
   * @throws IllegalArgumentException if a setting is unknown or invalid, naming it
   */
  RateLimiterStore create(Map<String, String> config);
}
