package dev.tdeveloper.dr.store;

import dev.tdeveloper.dr.spi.BackupStore;
import dev.tdeveloper.dr.testkit.BackupStoreContract;

class InMemoryBackupStoreContractTest extends BackupStoreContract {
  @Override
  protected BackupStore create() {
    return InMemoryBackupStore.create();
  }
}
