package dev.tdeveloper.distribution.region;

import dev.tdeveloper.distribution.residency.ResidencyPolicy;
import dev.tdeveloper.distribution.routing.RoutingPolicy;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.config.ConfigLayer;
import dev.tdeveloper.tenancy.config.ConfigLocation;
import dev.tdeveloper.tenancy.config.SettingsLayer;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A loaded {@code regions.yaml}: the region catalog, the named routing policies and the default
 * one, the named residency policies and which tenant has which. Load one with {@link
 * RegionConfigLoader}; every cross-reference (a region named by a policy, a tenant's policy) has
 * been checked, and every residency policy allows at least one region of the catalog for each
 * purpose.
 *
 * <p>Immutable and thread-safe.
 */
public final class DistributionConfig {
  private final String source;
  private final RegionCatalog catalog;
  private final Map<String, RoutingPolicy> routing;
  private final String defaultRouting;
  private final Map<String, ResidencyPolicy> residency;
  private final Map<TenantId, String> assignments;
  private final Map<RegionId, SettingsLayer> settings;

  DistributionConfig(
      String source,
      RegionCatalog catalog,
      Map<String, RoutingPolicy> routing,
      String defaultRouting,
      Map<String, ResidencyPolicy> residency,
      Map<TenantId, String> assignments,
      Map<RegionId, SettingsLayer> settings) {
    this.source = Objects.requireNonNull(source, "source");
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    this.routing = Collections.unmodifiableMap(new LinkedHashMap<>(routing));
    this.defaultRouting = Objects.requireNonNull(defaultRouting, "defaultRouting");
    this.residency = Collections.unmodifiableMap(new LinkedHashMap<>(residency));
    this.assignments = Collections.unmodifiableMap(new TreeMap<>(assignments));
    Map<RegionId, SettingsLayer> layers = new LinkedHashMap<>();
    for (Region r : catalog.regions()) {
      SettingsLayer layer = settings.get(r.id());
      layers.put(
          r.id(),
          layer != null
              ? layer
              : SettingsLayer.of(
                  ConfigLayer.REGION,
                  r.id().value(),
                  r.settings(),
                  new ConfigLocation(source, 1, 1)));
    }
    this.settings = Collections.unmodifiableMap(layers);
  }

  /** Returns the name of the file it was read from, as given to the loader. */
  public String source() {
    return source;
  }

  /** Returns the regions. */
  public RegionCatalog catalog() {
    return catalog;
  }

  /** Returns the routing policies by name, in file order. */
  public Map<String, RoutingPolicy> routingPolicies() {
    return routing;
  }

  /** Returns the name of the routing policy used when a caller names none. */
  public String defaultRoutingPolicyName() {
    return defaultRouting;
  }

  /** Returns the routing policy used when a caller names none. */
  public RoutingPolicy defaultRoutingPolicy() {
    return routing.get(defaultRouting);
  }

  /**
   * Returns the routing policy {@code name}.
   *
   * @param name the policy's name in the file
   * @return the policy, or empty when the file declares none of that name
   */
  public Optional<RoutingPolicy> routingPolicy(String name) {
    return Optional.ofNullable(routing.get(Objects.requireNonNull(name, "name")));
  }

  /** Returns the residency policies by name, in file order. */
  public Map<String, ResidencyPolicy> residencyPolicies() {
    return residency;
  }

  /**
   * Returns the residency policy {@code name}; {@code unrestricted} names {@link
   * ResidencyPolicy#unrestricted()}.
   *
   * @param name the policy's name
   * @return the policy, or empty when there is none of that name
   */
  public Optional<ResidencyPolicy> residencyPolicy(String name) {
    Objects.requireNonNull(name, "name");
    if (name.equals(ResidencyPolicy.unrestricted().name())) {
      return Optional.of(ResidencyPolicy.unrestricted());
    }
    return Optional.ofNullable(residency.get(name));
  }

  /** Returns which residency policy (by name) each tenant listed in the file has, by tenant. */
  public Map<TenantId, String> residencyAssignments() {
    return assignments;
  }

  /**
   * Returns the residency policy of {@code tenant}: the one the file assigns, else {@link
   * ResidencyPolicy#unrestricted()}.
   *
   * @param tenant the tenant
   * @return its policy
   */
  public ResidencyPolicy residencyPolicyFor(TenantId tenant) {
    String name = assignments.get(Objects.requireNonNull(tenant, "tenant"));
    return name == null ? ResidencyPolicy.unrestricted() : residencyPolicy(name).orElseThrow();
  }

  /**
   * Returns region {@code id}'s settings overrides as a {@link ConfigLayer#REGION} layer, with the
   * place in the file each value was written.
   *
   * @param id the region
   * @return its layer (empty when it overrides nothing)
   * @throws UnknownRegionException if the catalog has no such region
   */
  public SettingsLayer regionSettings(RegionId id) {
    catalog.require(id);
    return settings.get(id);
  }

  @Override
  public String toString() {
    return "DistributionConfig[source="
        + source
        + ", regions="
        + catalog.ids()
        + ", routing="
        + routing.keySet()
        + " (default "
        + defaultRouting
        + "), residency="
        + residency.keySet()
        + ", tenants="
        + assignments.size()
        + "]";
  }
}
