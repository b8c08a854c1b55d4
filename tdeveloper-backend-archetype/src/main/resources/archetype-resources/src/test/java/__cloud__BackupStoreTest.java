package ${package};

import dev.tdeveloper.dr.spi.BackupStore;
import dev.tdeveloper.dr.testkit.BackupStoreContract;

/** Holds {@link ${cloud}BackupStore} to the SDK's contract kit; fails until it is implemented. */
class ${cloud}BackupStoreTest extends BackupStoreContract {
  /** Returns a store; one shared test bucket will do, as each test uses fresh random tenants. */
  @Override
  protected BackupStore create() {
    return new ${cloud}BackupStore();
  }
}
