package dev.tdeveloper.tenancy.usage;

import dev.tdeveloper.tenancy.spi.UsageStore;
import dev.tdeveloper.tenancy.spi.UsageStoreProvider;
import java.util.Map;
import java.util.Objects;

/**
 * Provides {@link InMemoryUsageStore}s under the name {@value #NAME}; takes no properties.
 *
 * <p>Stateless and thread-safe.
 */
public final class InMemoryUsageStoreProvider implements UsageStoreProvider {
  /** The provider name: {@value}. */
  public static final String NAME = "in-memory";

  /** Creates the provider; called by {@link java.util.ServiceLoader}. */
  public InMemoryUsageStoreProvider() {}

  @Override
  public String name() {
    return NAME;
  }

  /**
   * Creates an empty in-memory store.
   *
   * @throws IllegalArgumentException if {@code properties} is not empty
   */
  @Override
  public UsageStore create(Map<String, String> properties) {
    Objects.requireNonNull(properties, "properties");
    if (!properties.isEmpty()) {
      throw new IllegalArgumentException(
          "the in-memory usage store takes no properties, got " + properties.keySet());
    }
    return new InMemoryUsageStore();
  }
}
