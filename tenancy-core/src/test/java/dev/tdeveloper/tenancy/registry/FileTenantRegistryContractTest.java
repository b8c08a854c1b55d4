package dev.tdeveloper.tenancy.registry;

import dev.tdeveloper.tenancy.spi.TenantRegistry;
import dev.tdeveloper.tenancy.testkit.TenantRegistryContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The file registry passes the same contract as the in-memory one and every backend. */
class FileTenantRegistryContractTest extends TenantRegistryContract {
  @TempDir Path dir;

  @Override
  protected TenantRegistry newRegistry() {
    return FileTenantRegistry.builder(dir.resolve("registry")).open();
  }

  @AfterEach
  void closeRegistry() {
    ((FileTenantRegistry) registry).close();
  }
}
