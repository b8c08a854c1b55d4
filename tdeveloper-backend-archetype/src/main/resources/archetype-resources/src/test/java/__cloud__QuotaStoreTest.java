package ${package};

import dev.tdeveloper.tenancy.spi.QuotaStore;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import dev.tdeveloper.tenancy.testkit.QuotaStoreContract;

/** Holds {@link ${cloud}QuotaStore} to the SDK's contract kit; fails until it is implemented. */
class ${cloud}QuotaStoreTest extends QuotaStoreContract {
  @Override
  protected QuotaStore createStore(ManualClock clock) {
    return new ${cloud}QuotaStore(clock);
  }
}
