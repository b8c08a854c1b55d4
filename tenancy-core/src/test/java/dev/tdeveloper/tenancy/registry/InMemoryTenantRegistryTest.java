package dev.tdeveloper.tenancy.registry;

import dev.tdeveloper.tenancy.spi.TenantRegistry;
import dev.tdeveloper.tenancy.testkit.TenantRegistryContract;

class InMemoryTenantRegistryTest extends TenantRegistryContract {
  @Override
  protected TenantRegistry newRegistry() {
    return new InMemoryTenantRegistry();
  }
}
