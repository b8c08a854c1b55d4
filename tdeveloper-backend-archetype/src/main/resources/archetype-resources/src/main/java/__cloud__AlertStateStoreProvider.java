package ${package};

import dev.tdeveloper.observability.spi.AlertStateStore;
import dev.tdeveloper.observability.spi.AlertStateStoreProvider;
import java.util.Map;

/** The {@code ${cloud.toLowerCase()}} {@link AlertStateStoreProvider}, found by {@link java.util.ServiceLoader}. */
public final class ${cloud}AlertStateStoreProvider implements AlertStateStoreProvider {
  /** Creates the provider; called by {@link java.util.ServiceLoader}. */
  public ${cloud}AlertStateStoreProvider() {}

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
  public AlertStateStore create(Map<String, String> properties) {
    return new ${cloud}AlertStateStore("alert-state");
  }
}
