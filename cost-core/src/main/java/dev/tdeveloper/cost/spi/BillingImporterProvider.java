package dev.tdeveloper.cost.spi;

import dev.tdeveloper.tenancy.spi.NamedProvider;
import dev.tdeveloper.tenancy.spi.ProviderSelector;
import java.util.Map;
import java.util.Optional;

/**
 * Creates a {@link BillingImporter}; found through {@link java.util.ServiceLoader} and picked with
 * {@link #select(Optional)}. cost-core registers {@code focus-csv} (FOCUS CSV files); a cloud's
 * backend registers its own. An importer can always be built and passed explicitly instead.
 *
 * <p>Implementations must be stateless and thread-safe.
 */
public interface BillingImporterProvider extends NamedProvider {
  /**
   * Creates an importer configured by {@code properties}; each provider documents the keys it reads
   * and rejects unknown ones.
   *
   * @param properties the configuration, e.g. {@code path=/bills/2024-05}
   * @return the importer
   * @throws IllegalArgumentException naming a missing, unknown or invalid property
   */
  BillingImporter create(Map<String, String> properties);

  /**
   * Picks the provider on the class path by the suite's rule: none found is an error naming the
   * artifact to add; one is used; several need {@code configuredName}, else the error lists them.
   *
   * @param configuredName the provider name configured by the user, if any
   * @return the provider
   * @throws IllegalStateException if none is found, several without a name, or none of that name
   */
  static BillingImporterProvider select(Optional<String> configuredName) {
    return ProviderSelector.select(
        BillingImporterProvider.class,
        configuredName,
        "dev.tdeveloper:cost-core (focus-csv) or a cloud backend's artifact");
  }
}
