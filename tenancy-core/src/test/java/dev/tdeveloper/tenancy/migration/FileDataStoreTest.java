package dev.tdeveloper.tenancy.migration;

import dev.tdeveloper.tenancy.spi.TenantDataStore;
import dev.tdeveloper.tenancy.testkit.TenantDataStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The crash tests' durable store keeps the same contract as a real one. */
class FileDataStoreTest extends TenantDataStoreContract {
  @TempDir Path dir;

  @Override
  protected TenantDataStore createStore() {
    return new FileDataStore("files", dir.resolve("store"));
  }
}
