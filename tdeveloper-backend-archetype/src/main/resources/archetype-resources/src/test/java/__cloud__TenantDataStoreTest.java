package ${package};

import dev.tdeveloper.tenancy.spi.TenantDataStore;
import dev.tdeveloper.tenancy.testkit.TenantDataStoreContract;

/** Holds {@link ${cloud}TenantDataStore} to the SDK's contract kit; fails until it is implemented. */
class ${cloud}TenantDataStoreTest extends TenantDataStoreContract {
  @Override
  protected TenantDataStore createStore() {
    return new ${cloud}TenantDataStore();
  }
}
