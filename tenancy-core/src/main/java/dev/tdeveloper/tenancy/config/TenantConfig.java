package dev.tdeveloper.tenancy.config;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import com.google.common.collect.Maps;
import dev.tdeveloper.tenancy.Tenant;
import dev.tdeveloper.tenancy.TenantId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A loaded {@code tenants.yaml}: the plans, the tenants defined in the file, and every tenant's
 * layered settings (defaults, then the tenant's plan, then the tenant's own overrides). Load one
 * with {@link TenantConfigLoader}; keep one current and reloadable with {@link
 * ReloadableTenantConfig}.
 *
 * <p>A tenant that is not in the file is on the {@link #defaultPlan()} and has no overrides, so
 * {@link #settingsFor(TenantId)} answers for any tenant id. Every tenant's resolved settings are
 * computed once at load time, so lookups do no merging.
 *
 * <p>The file is not the only place a tenant's plan lives: a tenant that signed up or changed plan
 * since the file was written has its plan in the {@link dev.tdeveloper.tenancy.spi.TenantRegistry
 * TenantRegistry} ({@link Tenant#plan()}), which is then the source of truth. {@link
 * #settingsFor(TenantId, String)} resolves a tenant on a plan given by the caller: that plan's
 * layers, with the tenant's own overrides from the file on top when the file lists it.
 *
 * <p>Immutable and thread-safe. {@link #equals(Object)} compares content (default plan, tenants and
 * setting values), not the file name or the line numbers values were read from.
 */
public final class TenantConfig {
  private final String source;
  private final String defaultPlan;
  private final Map<String, Setting> defaults;
  private final Map<String, Map<String, Setting>> planLayers;
  private final Map<TenantId, Tenant> tenants;
  private final Map<TenantId, Map<String, Setting>> tenantLayers;
  private final Map<String, TenantSettings> planSettings;
  private final Map<TenantId, TenantSettings> tenantSettings;
  private final int hash;

  /** Assembles a configuration the loader has validated. */
  TenantConfig(
      String source,
      String defaultPlan,
      Map<String, Setting> defaults,
      Map<String, Map<String, Setting>> planLayers,
      Map<TenantId, Tenant> tenants,
      Map<TenantId, Map<String, Setting>> tenantLayers) {
    this.source = Objects.requireNonNull(source, "source");
    this.defaultPlan = Objects.requireNonNull(defaultPlan, "defaultPlan");
    this.defaults = ImmutableSortedMap.copyOf(defaults);
    ImmutableSortedMap.Builder<String, Map<String, Setting>> plans =
        ImmutableSortedMap.naturalOrder();
    planLayers.forEach((name, layer) -> plans.put(name, ImmutableSortedMap.copyOf(layer)));
    this.planLayers = plans.build();
    this.tenants = ImmutableSortedMap.copyOf(tenants);
    ImmutableSortedMap.Builder<TenantId, Map<String, Setting>> overrides =
        ImmutableSortedMap.naturalOrder();
    tenants
        .keySet()
        .forEach(
            id ->
                overrides.put(
                    id, ImmutableSortedMap.copyOf(tenantLayers.getOrDefault(id, Map.of()))));
    this.tenantLayers = overrides.build();
    if (!this.planLayers.containsKey(defaultPlan)) {
      throw new IllegalArgumentException(
          "defaultPlan '" + defaultPlan + "' is not among the plans " + this.planLayers.keySet());
    }

    ImmutableSortedMap.Builder<String, TenantSettings> byPlan = ImmutableSortedMap.naturalOrder();
    this.planLayers.forEach(
        (name, layer) -> byPlan.put(name, new TenantSettings(null, name, merge(layer, Map.of()))));
    this.planSettings = byPlan.build();
    ImmutableSortedMap.Builder<TenantId, TenantSettings> byTenant =
        ImmutableSortedMap.naturalOrder();
    this.tenants.forEach(
        (id, tenant) -> {
          Map<String, Setting> planLayer = this.planLayers.get(tenant.plan());
          if (planLayer == null) {
            throw new IllegalArgumentException(
                "plan '"
                    + tenant.plan()
                    + "' of tenant '"
                    + id
                    + "' is not among the plans "
                    + this.planLayers.keySet());
          }
          byTenant.put(
              id,
              new TenantSettings(id, tenant.plan(), merge(planLayer, this.tenantLayers.get(id))));
        });
    this.tenantSettings = byTenant.build();
    this.hash = Objects.hash(defaultPlan, this.tenants, values(this.defaults), valuesOfLayers());
  }

  private Map<String, Setting> merge(Map<String, Setting> plan, Map<String, Setting> tenant) {
    TreeMap<String, Setting> merged = new TreeMap<>(defaults);
    merged.putAll(plan);
    merged.putAll(tenant);
    return ImmutableSortedMap.copyOf(merged);
  }

  /** Returns the name of the file this configuration was read from, as given to the loader. */
  public String source() {
    return source;
  }

  /** Returns the plan of tenants not defined in the file. */
  public String defaultPlan() {
    return defaultPlan;
  }

  /** Returns the names of the plans, sorted. */
  public Set<String> plans() {
    return planLayers.keySet();
  }

  /** Returns the tenants defined in the file, sorted by id, each in status {@code ACTIVE}. */
  public List<Tenant> tenants() {
    return ImmutableList.copyOf(tenants.values());
  }

  /** Returns the tenant {@code id} as defined in the file; empty when the file does not name it. */
  public Optional<Tenant> tenant(TenantId id) {
    return Optional.ofNullable(tenants.get(Objects.requireNonNull(id, "id")));
  }

  /** Returns the plan of tenant {@code id}: its own when the file defines it, else the default. */
  public String planOf(TenantId id) {
    Tenant tenant = tenants.get(Objects.requireNonNull(id, "id"));
    return tenant == null ? defaultPlan : tenant.plan();
  }

  /**
   * Returns the settings of tenant {@code id}. A tenant not defined in the file gets the settings
   * of the {@link #defaultPlan()} (defaults and plan layers only).
   */
  public TenantSettings settingsFor(TenantId id) {
    TenantSettings settings = tenantSettings.get(Objects.requireNonNull(id, "id"));
    if (settings != null) {
      return settings;
    }
    return planSettings.get(defaultPlan).forTenant(id);
  }

  /**
   * Returns the settings of tenant {@code id} on plan {@code plan}, where the plan comes from
   * somewhere other than this file, usually the tenant registry after a signup or an upgrade: the
   * defaults, then {@code plan}'s layer, then the tenant's own overrides when the file lists the
   * tenant. The given plan wins over the plan the file names for the tenant (the registry is the
   * source of truth for a tenant's plan; the file's overrides, such as a negotiated burst, still
   * apply). Equal to {@link #settingsFor(TenantId)} when {@code plan} is the tenant's plan in the
   * file, or the {@link #defaultPlan()} for a tenant the file does not list.
   *
   * @param id the tenant
   * @param plan the tenant's plan
   * @return the tenant's settings on {@code plan}; {@link TenantSettings#plan()} is {@code plan}
   * @throws NullPointerException if {@code id} or {@code plan} is null
   * @throws ConfigException if the file declares no plan {@code plan}; the message names it and
   *     lists the known plans
   */
  public TenantSettings settingsFor(TenantId id, String plan) {
    Objects.requireNonNull(id, "id");
    TenantSettings onPlan = settingsForPlan(plan);
    TenantSettings listed = tenantSettings.get(id);
    if (listed == null) {
      return onPlan.forTenant(id);
    }
    if (listed.plan().equals(plan)) {
      return listed;
    }
    return new TenantSettings(id, plan, merge(planLayers.get(plan), tenantLayers.get(id)));
  }

  /**
   * Returns the settings of plan {@code plan}: the defaults overlaid with the plan's settings.
   *
   * @throws ConfigException if the file declares no such plan; the message lists the known plans
   */
  public TenantSettings settingsForPlan(String plan) {
    TenantSettings settings = planSettings.get(Objects.requireNonNull(plan, "plan"));
    if (settings == null) {
      throw new ConfigException(
          "plans", "unknown plan '" + plan + "' in " + source + "; known plans: " + plans());
    }
    return settings;
  }

  private static Map<String, Scalar> values(Map<String, Setting> layer) {
    return Maps.transformValues(layer, Setting::value);
  }

  private List<Object> valuesOfLayers() {
    return List.of(
        Maps.transformValues(planLayers, TenantConfig::values),
        Maps.transformValues(tenantLayers, TenantConfig::values));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TenantConfig other
        && hash == other.hash
        && defaultPlan.equals(other.defaultPlan)
        && tenants.equals(other.tenants)
        && values(defaults).equals(values(other.defaults))
        && valuesOfLayers().equals(other.valuesOfLayers());
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public String toString() {
    return "TenantConfig[source="
        + source
        + ", defaultPlan="
        + defaultPlan
        + ", plans="
        + plans()
        + ", tenants="
        + tenants.keySet()
        + "]";
  }
}
