package dev.tdeveloper.dr.store;

import dev.tdeveloper.dr.spi.BackupStore;
import dev.tdeveloper.dr.testkit.BackupStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class LocalBackupStoreContractTest extends BackupStoreContract {
  @TempDir Path dir;

  @Override
  protected BackupStore create() {
    return LocalBackupStore.open(dir.resolve("store"));
  }
}
