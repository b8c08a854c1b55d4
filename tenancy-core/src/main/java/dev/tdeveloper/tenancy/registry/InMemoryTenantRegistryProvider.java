package dev.tdeveloper.tenancy.registry;

import dev.tdeveloper.tenancy.spi.TenantRegistry;
import dev.tdeveloper.tenancy.spi.TenantRegistryProvider;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The {@value #NAME} {@link TenantRegistryProvider}: creates an {@link InMemoryTenantRegistry}. It
 * takes no settings, so a non-empty configuration (most likely meant for another backend) is
 * refused rather than ignored.
 *
 * <p>Stateless and thread-safe.
 */
public final class InMemoryTenantRegistryProvider implements TenantRegistryProvider {
  /** The provider's name: {@value}. */
  public static final String NAME = "in-memory";

  /** Creates the provider; called by {@link java.util.ServiceLoader}. */
  public InMemoryTenantRegistryProvider() {}

  @Override
  public String name() {
    return NAME;
  }

  /**
   * Creates an empty in-memory registry.
   *
   * @throws IllegalArgumentException if {@code config} has any key; this provider takes none
   */
  @Override
  public TenantRegistry create(Map<String, String> config) {
    Objects.requireNonNull(config, "config");
    if (!config.isEmpty()) {
      throw new IllegalArgumentException(
          "the "
              + NAME
              + " tenant registry takes no settings, got keys "
              + new TreeSet<>(config.keySet()));
    }
    return new InMemoryTenantRegistry();
  }
}
