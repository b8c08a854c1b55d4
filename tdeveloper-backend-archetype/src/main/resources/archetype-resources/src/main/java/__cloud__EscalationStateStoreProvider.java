package ${package};

import dev.tdeveloper.observability.spi.EscalationStateStore;
import dev.tdeveloper.observability.spi.EscalationStateStoreProvider;
import java.util.Map;

/** The {@code ${cloud.toLowerCase()}} {@link EscalationStateStoreProvider}, found by {@link java.util.ServiceLoader}. */
public final class ${cloud}EscalationStateStoreProvider implements EscalationStateStoreProvider {
  /** Creates the provider; called by {@link java.util.ServiceLoader}. */
  public ${cloud}EscalationStateStoreProvider() {}

  @Override
  public String name() {
    return "${cloud.toLowerCase()}";
  }

  /**
   * Creates the store; read the ${cloud} endpoint, credentials and the store's key prefix or table
   * from {@code properties} (keys starting with {@code ${cloud.toLowerCase()}.}, any other key
   * refused by name with an {@code IllegalArgumentException}).
   */
  @Override
  public EscalationStateStore create(Map<String, String> properties) {
    return new ${cloud}EscalationStateStore("escalation-state");
  }
}
