package dev.tdeveloper.distribution.region;

import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.config.ConfigException;
import dev.tdeveloper.tenancy.config.ConfigLayer;
import dev.tdeveloper.tenancy.config.ConfigLocation;
import dev.tdeveloper.tenancy.config.SettingsLayer;
import dev.tdeveloper.tenancy.config.TenantConfig;
import dev.tdeveloper.tenancy.config.TenantSettings;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A tenant's settings as served from one region: for each dotted key, the value of the most
 * specific of four layers, defaults &lt;- plan &lt;- region &lt;- tenant. The region's {@code
 * settings} in {@code regions.yaml} sit between the tenant's plan and the tenant's own entry in
 * {@code tenants.yaml}, so a region can lower a rate limit for every tenant it serves while a
 * tenant's own override still wins; {@link #source(String)} says {@link ConfigLayer#REGION} for the
 * keys the region supplied.
 *
 * <p>The typed getters are {@link TenantSettings}'s own (same conversions, same messages, naming
 * the layer and the file location of a mistyped value, whichever file it is in): {@code getX}
 * returns empty when no layer sets the key and throws {@link ConfigException} for a value of the
 * wrong type; {@code requireX} also throws when the key is missing.
 *
 * <p>Immutable and thread-safe.
 */
public final class RegionalSettings {
  private final RegionId region;
  private final TenantSettings settings;

  private RegionalSettings(RegionId region, TenantSettings settings) {
    this.region = region;
    this.settings = settings;
  }

  /**
   * Layers a region's overrides over a tenant's settings.
   *
   * @param tenant the tenant's settings (defaults, plan and tenant layers)
   * @param region the region serving the tenant
   * @param regionLayer the region's overrides, a {@link ConfigLayer#REGION} layer
   * @return the combined settings
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code regionLayer} is not a {@code REGION} layer
   */
  public static RegionalSettings of(
      TenantSettings tenant, RegionId region, SettingsLayer regionLayer) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(regionLayer, "regionLayer");
    if (regionLayer.layer() != ConfigLayer.REGION) {
      throw new IllegalArgumentException(
          "regionLayer is a " + regionLayer.layer() + " layer; allowed: a REGION layer");
    }
    return new RegionalSettings(region, tenant.with(regionLayer));
  }

  /**
   * Layers a region's {@link Region#settings()} over a tenant's settings; values the region sets
   * are reported at {@code region <id>} in messages (a region built in code has no file).
   *
   * @param tenant the tenant's settings
   * @param region the region serving the tenant
   * @return the combined settings
   * @throws NullPointerException if an argument is null
   */
  public static RegionalSettings of(TenantSettings tenant, Region region) {
    Objects.requireNonNull(region, "region");
    SettingsLayer layer =
        SettingsLayer.of(
            ConfigLayer.REGION,
            region.id().value(),
            region.settings(),
            new ConfigLocation("region " + region.id(), 1, 1));
    return of(tenant, region.id(), layer);
  }

  /**
   * Resolves tenant {@code tenant}'s settings in region {@code region} from both files.
   *
   * @param tenants the loaded {@code tenants.yaml}
   * @param regions the loaded {@code regions.yaml}
   * @param tenant the tenant (one not in {@code tenants.yaml} is on its default plan)
   * @param region the region serving it
   * @return the combined settings
   * @throws NullPointerException if an argument is null
   * @throws UnknownRegionException if {@code regions} has no such region
   */
  public static RegionalSettings resolve(
      TenantConfig tenants, DistributionConfig regions, TenantId tenant, RegionId region) {
    Objects.requireNonNull(tenants, "tenants");
    Objects.requireNonNull(regions, "regions");
    return of(tenants.settingsFor(tenant), region, regions.regionSettings(region));
  }

  /** Returns the region these settings are served from. */
  public RegionId region() {
    return region;
  }

  /** Returns the tenant; empty when built over a plan's settings. */
  public Optional<TenantId> tenant() {
    return settings.tenant();
  }

  /** Returns the combined settings as a {@link TenantSettings}, for code that takes one. */
  public TenantSettings asTenantSettings() {
    return settings;
  }

  /** Returns every key some layer sets, sorted. */
  public Set<String> keys() {
    return settings.keys();
  }

  /** Returns whether some layer sets {@code key}. */
  public boolean contains(String key) {
    return settings.contains(key);
  }

  /**
   * Returns the layer that supplied {@code key}'s value: {@code TENANT}, {@code REGION}, {@code
   * PLAN} or {@code DEFAULTS}; empty when no layer sets it.
   */
  public Optional<ConfigLayer> source(String key) {
    return settings.source(key);
  }

  /** Returns where {@code key}'s value was written; empty when no layer sets it. */
  public Optional<ConfigLocation> location(String key) {
    return settings.location(key);
  }

  /** Returns {@code key} as text; see {@link TenantSettings#getString}. */
  public Optional<String> getString(String key) {
    return settings.getString(key);
  }

  /** Returns {@code key} as text; throws {@link ConfigException} if no layer sets it. */
  public String requireString(String key) {
    return settings.requireString(key);
  }

  /** Returns {@code key} as an int; throws {@link ConfigException} if not an int. */
  public Optional<Integer> getInt(String key) {
    return settings.getInt(key);
  }

  /** Returns {@code key} as an int; throws {@link ConfigException} if missing or not an int. */
  public int requireInt(String key) {
    return settings.requireInt(key);
  }

  /** Returns {@code key} as a long; throws {@link ConfigException} if not a long. */
  public Optional<Long> getLong(String key) {
    return settings.getLong(key);
  }

  /** Returns {@code key} as a long; throws {@link ConfigException} if missing or not a long. */
  public long requireLong(String key) {
    return settings.requireLong(key);
  }

  /** Returns {@code key} as a double; throws {@link ConfigException} if not a finite number. */
  public Optional<Double> getDouble(String key) {
    return settings.getDouble(key);
  }

  /** Returns {@code key} as a double; throws {@link ConfigException} if missing or not one. */
  public double requireDouble(String key) {
    return settings.requireDouble(key);
  }

  /** Returns {@code key} as a boolean; throws {@link ConfigException} if not true/false. */
  public Optional<Boolean> getBoolean(String key) {
    return settings.getBoolean(key);
  }

  /** Returns {@code key} as a boolean; throws {@link ConfigException} if missing or not one. */
  public boolean requireBoolean(String key) {
    return settings.requireBoolean(key);
  }

  /** Returns {@code key} as a duration; throws {@link ConfigException} if not a duration. */
  public Optional<Duration> getDuration(String key) {
    return settings.getDuration(key);
  }

  /** Returns {@code key} as a duration; throws {@link ConfigException} if missing or not one. */
  public Duration requireDuration(String key) {
    return settings.requireDuration(key);
  }

  @Override
  public String toString() {
    return "RegionalSettings[region=" + region + ", " + settings + "]";
  }
}
