package dev.tdeveloper.observability.escalation;

import dev.tdeveloper.observability.spi.EscalationStateStore;
import dev.tdeveloper.observability.spi.EscalationStateStoreProvider;
import java.util.Map;
import java.util.Objects;

/**
 * Provides {@link InMemoryEscalationStateStore}s under the name {@value #NAME}; it reads no
 * properties and rejects any.
 *
 * <p>Stateless and thread-safe.
 */
public final class InMemoryEscalationStateStoreProvider implements EscalationStateStoreProvider {
  /** The provider name: {@value}. */
  public static final String NAME = "in-memory";

  /** Creates the provider; called by {@link java.util.ServiceLoader}. */
  public InMemoryEscalationStateStoreProvider() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public EscalationStateStore create(Map<String, String> properties) {
    Objects.requireNonNull(properties, "properties");
    if (!properties.isEmpty()) {
      throw new IllegalArgumentException(
          "unknown properties "
              + properties.keySet()
              + " of the in-memory escalation state store; it has none");
    }
    return new InMemoryEscalationStateStore();
  }
}
