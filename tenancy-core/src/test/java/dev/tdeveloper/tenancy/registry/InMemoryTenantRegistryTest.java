package dev.tdeveloper.tenancy.registry;

import dev.tdeveloper.tenancy.spi.TenantRegistry;
import dev.tdeveloper.tenancy.spi.TenantRegistryContract;

class InMemoryTenantRegistryTest extends TenantRegistryContract {
  @Override
  protected TenantRegistry newRegistry() {
    return new InMemoryTenantRegistry();
  }
}
