package ${package};

import dev.tdeveloper.tenancy.spi.TenantRegistry;
import dev.tdeveloper.tenancy.spi.TenantRegistryProvider;
import java.util.Map;

/** The {@code ${cloud.toLowerCase()}} {@link TenantRegistryProvider}, found by {@link java.util.ServiceLoader}. */
public final class ${cloud}TenantRegistryProvider implements TenantRegistryProvider {
  /** Creates the provider; called by {@link java.util.ServiceLoader}. */
  public ${cloud}TenantRegistryProvider() {}

  @Override
  public String name() {
    return "${cloud.toLowerCase()}";
  }

  /** Creates the backend; read the ${cloud} endpoint and credentials from the settings. */
  @Override
  public TenantRegistry create(Map<String, String> config) {
    return new ${cloud}TenantRegistry();
  }
}
