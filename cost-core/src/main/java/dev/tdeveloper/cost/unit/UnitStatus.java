package dev.tdeveloper.cost.unit;

/** Where a tenant's monthly cost stands against the target. */
public enum UnitStatus {
  /** The cost is at most the target. */
  WITHIN_TARGET,
  /** The cost exceeds the target. */
  OVER_TARGET
}
