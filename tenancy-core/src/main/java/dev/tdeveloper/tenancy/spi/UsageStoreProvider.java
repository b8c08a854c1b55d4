package dev.tdeveloper.tenancy.spi;

import java.util.Map;

/**
 * Creates a {@link UsageStore}; found through {@link java.util.ServiceLoader} and picked with
 * {@link ProviderSelector}. tenancy-core registers {@code in-memory} and {@code file}.
 *
 * <p>Implementations must be thread-safe.
 */
public interface UsageStoreProvider extends NamedProvider {
  /**
   * Opens a store configured by {@code properties}; each provider documents the keys it reads and
   * rejects unknown ones.
   *
   * @throws IllegalArgumentException naming a missing, unknown or invalid property
   * @throws UsageStoreException if the store cannot be opened
   */
  UsageStore create(Map<String, String> properties);
}
