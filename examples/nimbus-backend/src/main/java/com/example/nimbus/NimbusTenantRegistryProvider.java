package com.example.nimbus;

import dev.tdeveloper.tenancy.spi.TenantRegistry;
import dev.tdeveloper.tenancy.spi.TenantRegistryProvider;
import java.util.Map;

/** The {@code nimbus} tenant registry provider, found by {@link java.util.ServiceLoader}. */
public final class NimbusTenantRegistryProvider implements TenantRegistryProvider {
  /** Creates the provider; called by {@link java.util.ServiceLoader}. */
  public NimbusTenantRegistryProvider() {}

  @Override
  public String name() {
    return "nimbus";
  }

  @Override
  public TenantRegistry create(Map<String, String> config) {
    return new NimbusTenantRegistry(
        NimbusTable.connect(NimbusProviders.endpoint(config), "tenants"));
  }
}
