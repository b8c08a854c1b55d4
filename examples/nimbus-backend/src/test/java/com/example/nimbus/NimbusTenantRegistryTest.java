package com.example.nimbus;

import dev.tdeveloper.tenancy.spi.TenantRegistry;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import dev.tdeveloper.tenancy.testkit.TenantRegistryContract;

/**
 * The Nimbus registry passes the same contract as the SDK's in-memory registry; its items never
 * expire, so the simulated service clock stands still.
 */
class NimbusTenantRegistryTest extends TenantRegistryContract {
  @Override
  protected TenantRegistry newRegistry() {
    return new NimbusTenantRegistry(new NimbusTable<>(new ManualClock()::read));
  }
}
