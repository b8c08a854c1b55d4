package dev.tdeveloper.tenancy.spi;

import java.util.Map;

/**
 * Creates a {@link TenantRegistry} backend; found through {@link java.util.ServiceLoader} (register
 * the implementation in {@code
 * META-INF/services/dev.tdeveloper.tenancy.spi.TenantRegistryProvider}) and picked by {@link
 * TenantRegistry#fromProviders(java.util.Optional, Map)}. tenancy-core registers {@code in-memory}
 * and {@code file}.
 *
 * <p>Implementations must be thread-safe and have a public no-argument constructor.
 */
public interface TenantRegistryProvider extends NamedProvider {
  /**
   * Creates a registry.
   *
   * @param config backend settings (for example a connection URL); keys are backend-specific
   * @return a new registry
   * @throws IllegalArgumentException if a setting is unknown or invalid, naming it
   */
  TenantRegistry create(Map<String, String> config);
}
