package ${package};

import dev.tdeveloper.tenancy.spi.TenantRegistry;
import dev.tdeveloper.tenancy.testkit.TenantRegistryContract;

/** Holds {@link ${cloud}TenantRegistry} to the SDK's contract kit; fails until it is implemented. */
class ${cloud}TenantRegistryTest extends TenantRegistryContract {
  @Override
  protected TenantRegistry newRegistry() {
    return new ${cloud}TenantRegistry();
  }
}
