package ${package};

import dev.tdeveloper.tenancy.spi.QuotaStore;
import dev.tdeveloper.tenancy.spi.QuotaStoreConfig;
import dev.tdeveloper.tenancy.spi.QuotaStoreProvider;

/** The {@code ${cloud.toLowerCase()}} {@link QuotaStoreProvider}, found by {@link java.util.ServiceLoader}. */
public final class ${cloud}QuotaStoreProvider implements QuotaStoreProvider {
  /** Creates the provider; called by {@link java.util.ServiceLoader}. */
  public ${cloud}QuotaStoreProvider() {}

  @Override
  public String name() {
    return "${cloud.toLowerCase()}";
  }

  /** Creates the backend; read the ${cloud} endpoint and credentials from the settings. */
  @Override
  public QuotaStore create(QuotaStoreConfig config) {
    return new ${cloud}QuotaStore(config.clock());
  }
}
