package dev.tdeveloper.tenancy.spi;

/**
 * Creates {@link QuotaStore}s; registered in {@code
 * META-INF/services/dev.tdeveloper.tenancy.spi.QuotaStoreProvider} and picked with {@link
 * ProviderSelector}. tenancy-core registers {@code in-memory} and {@code file}. Implementations
 * must be thread-safe and have a public no-argument constructor.
 */
public interface QuotaStoreProvider extends NamedProvider {
  /**
   * Creates a store.
   *
   * @throws IllegalArgumentException if a property is missing or invalid, naming it
   */
  QuotaStore create(QuotaStoreConfig config);
}
