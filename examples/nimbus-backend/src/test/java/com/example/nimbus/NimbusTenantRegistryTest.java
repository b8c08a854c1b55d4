package com.example.nimbus;

import dev.tdeveloper.tenancy.spi.TenantRegistry;
import dev.tdeveloper.tenancy.testkit.TenantRegistryContract;

/** The Nimbus registry passes the same contract as the SDK's in-memory registry. */
class NimbusTenantRegistryTest extends TenantRegistryContract {
  @Override
  protected TenantRegistry newRegistry() {
    return new NimbusTenantRegistry(new NimbusTable<>(System::nanoTime));
  }
}
