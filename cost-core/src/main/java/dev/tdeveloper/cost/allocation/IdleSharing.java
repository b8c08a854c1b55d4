package dev.tdeveloper.cost.allocation;

/**
 * How an asset's idle cost (its cost minus the tenants' usage shares: capacity nobody used or
 * reserved) is handled. As in OpenCost with idle by node, idle is shared only among the tenants
 * that used the same asset, so a tenant's idle share never depends on assets it did not use.
 */
public enum IdleSharing {
  /** Kept as one {@link CostLineKind#IDLE} line per asset, charged to no tenant (the default). */
  NONE,
  /** Split equally among the tenants that used the asset. */
  EVEN,
  /** Split in proportion to the tenants' usage cost of the asset. */
  PROPORTIONAL,
  /**
   * Split in proportion to weights given per tenant (plan weights, for example) among the tenants
   * that used the asset.
   */
  WEIGHTED
}
