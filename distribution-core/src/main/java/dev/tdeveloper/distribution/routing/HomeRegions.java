package dev.tdeveloper.distribution.routing;

import dev.tdeveloper.distribution.region.RegionId;
import dev.tdeveloper.tenancy.TenantId;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Looks up a tenant's home region: the region that holds its primary data, so a {@link
 * RegionRouter} sends its writes there while residency allows it and it is healthy. Usually backed
 * by the tenant registry ({@link dev.tdeveloper.tenancy.Tenant#homeRegion()}).
 *
 * <p>Implementations must be thread-safe and fast (a map lookup): the router asks on every storage
 * request of a tenant, cached or not, so a tenant moved to another home is routed there at once.
 */
@FunctionalInterface
public interface HomeRegions {
  /**
   * Returns the home region of {@code tenant}.
   *
   * @param tenant the tenant
   * @return its home region, or empty when it has none
   */
  Optional<RegionId> homeOf(TenantId tenant);

  /** Returns the lookup in which no tenant has a home region (the router's default). */
  static HomeRegions none() {
    return tenant -> Optional.empty();
  }

  /**
   * Returns a lookup backed by a copy of {@code homes}.
   *
   * @param homes home region per tenant
   * @return the lookup
   */
  static HomeRegions of(Map<TenantId, RegionId> homes) {
    Map<TenantId, Optional<RegionId>> copy = new HashMap<>();
    Objects.requireNonNull(homes, "homes").forEach((t, r) -> copy.put(t, Optional.of(r)));
    Map<TenantId, Optional<RegionId>> frozen = Map.copyOf(copy);
    return tenant -> frozen.getOrDefault(tenant, Optional.empty());
  }
}
