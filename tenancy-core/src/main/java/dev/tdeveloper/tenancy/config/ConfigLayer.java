package dev.tdeveloper.tenancy.config;

/**
 * The layers a tenant's settings are resolved from, from least to most specific. A value in a more
 * specific layer hides the values of the same key in less specific ones.
 */
public enum ConfigLayer {
  /** The file's {@code defaults} section: settings every tenant gets. */
  DEFAULTS,
  /** The {@code settings} of the tenant's plan in the file's {@code plans} section. */
  PLAN,
  /**
   * Overrides of the region serving the tenant (a region's {@code settings} in distribution-core's
   * {@code regions.yaml}), added with {@link TenantSettings#with(SettingsLayer)}; {@code
   * tenants.yaml} itself never produces this layer.
   */
  REGION,
  /** The {@code settings} of the tenant's own entry in the file's {@code tenants} section. */
  TENANT
}
