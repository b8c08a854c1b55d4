package dev.tdeveloper.distribution.spi;

import dev.tdeveloper.tenancy.spi.NamedProvider;
import dev.tdeveloper.tenancy.spi.ProviderSelector;
import java.util.Map;
import java.util.Optional;

/**
 * Creates a {@link EdgeCache}; found through {@link java.util.ServiceLoader} and picked with {@link
 * #select(Optional)}. distribution-core registers {@code in-process} (one JVM: tests, simulation, a
 * single-machine deployment); the Redis and PostgreSQL backends register theirs. A channel can
 * always be built and passed explicitly instead.
 *
 * <p>Implementations must be stateless and thread-safe.
 */
public interface EdgeCacheProvider extends NamedProvider {
  /**
   * Creates a cache configured by {@code properties}; each provider documents the keys it reads and
   * rejects unknown ones.
   *
   * @param properties the configuration, e.g. {@code max-entries-per-tenant=1000}
   * @return the cache
   * @throws IllegalArgumentException naming a missing, unknown or invalid property
   */
  EdgeCache create(Map<String, String> properties);

  /**
   * Picks the provider on the class path by the suite's rule: none found is an error naming the
   * artifact to add; one is used; several need {@code configuredName}, else the error lists them.
   *
   * @param configuredName the provider name configured by the user, if any
   * @return the provider
   * @throws IllegalStateException if none is found, several without a name, or none of that name
   */
  static EdgeCacheProvider select(Optional<String> configuredName) {
    return ProviderSelector.select(
        EdgeCacheProvider.class,
        configuredName,
        "dev.tdeveloper:distribution-core (in-memory) or a backend's artifact");
  }
}
