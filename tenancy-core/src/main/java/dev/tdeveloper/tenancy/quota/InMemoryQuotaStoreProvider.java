package dev.tdeveloper.tenancy.quota;

import dev.tdeveloper.tenancy.spi.QuotaStore;
import dev.tdeveloper.tenancy.spi.QuotaStoreConfig;
import dev.tdeveloper.tenancy.spi.QuotaStoreProvider;
import java.util.Objects;

/**
 * Provides {@link InMemoryQuotaStore} under the name {@value #NAME}; it takes no properties.
 * Stateless and thread-safe.
 */
public final class InMemoryQuotaStoreProvider implements QuotaStoreProvider {
  /** This provider's name: {@value}. */
  public static final String NAME = "in-memory";

  /** Creates the provider; called by {@link java.util.ServiceLoader}. */
  public InMemoryQuotaStoreProvider() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public QuotaStore create(QuotaStoreConfig config) {
    Objects.requireNonNull(config, "config");
    return new InMemoryQuotaStore(config.clock());
  }
}
