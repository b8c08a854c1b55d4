package dev.tdeveloper.tenancy.quota.file;

import dev.tdeveloper.tenancy.spi.QuotaStore;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import dev.tdeveloper.tenancy.testkit.QuotaStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The file store passes the same contract as every backend, with its default group commit. */
class FileQuotaStoreContractTest extends QuotaStoreContract {
  @TempDir Path dir;

  @Override
  protected QuotaStore createStore(ManualClock clock) {
    return FileQuotaStore.builder(dir.resolve("quotas")).clock(clock).open();
  }

  @AfterEach
  void closeStore() {
    ((FileQuotaStore) store).close();
  }
}
