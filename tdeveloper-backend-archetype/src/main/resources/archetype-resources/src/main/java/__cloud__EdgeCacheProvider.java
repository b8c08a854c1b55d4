package ${package};

import dev.tdeveloper.distribution.edge.InMemoryEdgeCache;
import dev.tdeveloper.distribution.spi.EdgeCache;
import dev.tdeveloper.distribution.spi.EdgeCacheProvider;
import java.time.InstantSource;
import java.util.Map;

/** The {@code ${cloud.toLowerCase()}} {@link EdgeCacheProvider}, found by {@link java.util.ServiceLoader}. */
public final class ${cloud}EdgeCacheProvider implements EdgeCacheProvider {
  /** Creates the provider; called by {@link java.util.ServiceLoader}. */
  public ${cloud}EdgeCacheProvider() {}

  @Override
  public String name() {
    return "${cloud.toLowerCase()}";
  }

  /**
   * Creates the cache, expiring entries by the system clock; read the ${cloud} endpoint,
   * credentials and key prefix from {@code properties} (keys starting with {@code
   * ${cloud.toLowerCase()}.}) and the per-tenant capacity from {@code max-entries-per-tenant} (a
   * whole number, 1 or more, as the in-memory cache reads it); any other key, or a bad value, is
   * refused by name with an {@code IllegalArgumentException}.
   */
  @Override
  public EdgeCache create(Map<String, String> properties) {
    return new ${cloud}EdgeCache(
        InstantSource.system(), InMemoryEdgeCache.DEFAULT_MAX_ENTRIES_PER_TENANT);
  }
}
