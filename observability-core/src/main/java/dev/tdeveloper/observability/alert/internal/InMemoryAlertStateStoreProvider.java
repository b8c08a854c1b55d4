package dev.tdeveloper.observability.alert.internal;

import dev.tdeveloper.observability.spi.AlertStateStore;
import dev.tdeveloper.observability.spi.AlertStateStoreProvider;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Provides the in-memory store ({@code in-memory}); takes no properties and rejects any. Stateless
 * and thread-safe.
 */
public final class InMemoryAlertStateStoreProvider implements AlertStateStoreProvider {
  /** The provider's name: {@value}. */
  public static final String NAME = "in-memory";

  /** Creates the provider (for {@link java.util.ServiceLoader}). */
  public InMemoryAlertStateStoreProvider() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public AlertStateStore create(Map<String, String> properties) {
    Objects.requireNonNull(properties, "properties");
    if (!properties.isEmpty()) {
      throw new IllegalArgumentException(
          "alert state store 'in-memory': unknown properties "
              + new TreeSet<>(properties.keySet())
              + "; it takes none");
    }
    return new InMemoryAlertStateStore();
  }

  @Override
  public String toString() {
    return "InMemoryAlertStateStoreProvider";
  }
}
