package dev.tdeveloper.distribution.edge;

import dev.tdeveloper.distribution.spi.EdgeCache;
import dev.tdeveloper.distribution.spi.EdgeCacheProvider;
import java.time.InstantSource;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Provides {@link InMemoryEdgeCache}s under the name {@value #NAME}. Properties: {@value
 * #MAX_ENTRIES_PER_TENANT} and {@value #MAX_TENANTS} (whole numbers, 1 or more; defaults {@value
 * InMemoryEdgeCache#DEFAULT_MAX_ENTRIES_PER_TENANT} and {@value
 * InMemoryEdgeCache#DEFAULT_MAX_TENANTS}).
 *
 * <p>Stateless and thread-safe.
 */
public final class InMemoryEdgeCacheProvider implements EdgeCacheProvider {
  /** The provider name: {@value}. */
  public static final String NAME = "in-memory";

  /** Property: the most entries one tenant keeps. */
  public static final String MAX_ENTRIES_PER_TENANT = "max-entries-per-tenant";

  /** Property: the most tenants with entries. */
  public static final String MAX_TENANTS = "max-tenants";

  private static final Set<String> KNOWN = Set.of(MAX_ENTRIES_PER_TENANT, MAX_TENANTS);

  /** Creates the provider; called by {@link java.util.ServiceLoader}. */
  public InMemoryEdgeCacheProvider() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public EdgeCache create(Map<String, String> properties) {
    Objects.requireNonNull(properties, "properties");
    for (String key : properties.keySet()) {
      if (!KNOWN.contains(key)) {
        throw new IllegalArgumentException(
            "unknown property '" + key + "' of the in-memory edge cache; known: " + KNOWN);
      }
    }
    return InMemoryEdgeCache.create(
        positive(
            properties, MAX_ENTRIES_PER_TENANT, InMemoryEdgeCache.DEFAULT_MAX_ENTRIES_PER_TENANT),
        positive(properties, MAX_TENANTS, InMemoryEdgeCache.DEFAULT_MAX_TENANTS),
        InstantSource.system());
  }

  private static int positive(Map<String, String> properties, String key, int fallback) {
    String text = properties.get(key);
    if (text == null) {
      return fallback;
    }
    try {
      int value = Integer.parseInt(text.trim());
      if (value >= 1) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below with what is allowed
    }
    throw new IllegalArgumentException(
        "property '"
            + key
            + "' of the in-memory edge cache: '"
            + text
            + "'; allowed: a whole number from 1 to "
            + Integer.MAX_VALUE);
  }
}
