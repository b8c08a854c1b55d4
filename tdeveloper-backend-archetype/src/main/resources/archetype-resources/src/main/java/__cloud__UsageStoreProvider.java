package ${package};

import dev.tdeveloper.tenancy.spi.UsageStore;
import dev.tdeveloper.tenancy.spi.UsageStoreProvider;
import java.util.Map;

/** The {@code ${cloud.toLowerCase()}} {@link UsageStoreProvider}, found by {@link java.util.ServiceLoader}. */
public final class ${cloud}UsageStoreProvider implements UsageStoreProvider {
  /** Creates the provider; called by {@link java.util.ServiceLoader}. */
  public ${cloud}UsageStoreProvider() {}

  @Override
  public String name() {
    return "${cloud.toLowerCase()}";
  }

  /** Creates the backend; read the ${cloud} endpoint and credentials from the settings. */
  @Override
  public UsageStore create(Map<String, String> config) {
    return new ${cloud}UsageStore();
  }
}
