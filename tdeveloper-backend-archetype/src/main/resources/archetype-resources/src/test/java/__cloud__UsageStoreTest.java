package ${package};

import dev.tdeveloper.tenancy.spi.UsageStore;
import dev.tdeveloper.tenancy.testkit.UsageStoreContract;

/** Holds {@link ${cloud}UsageStore} to the SDK's contract kit; fails until it is implemented. */
class ${cloud}UsageStoreTest extends UsageStoreContract {
  @Override
  protected UsageStore createStore() {
    return new ${cloud}UsageStore();
  }
}
