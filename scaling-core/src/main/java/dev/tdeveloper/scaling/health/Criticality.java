package dev.tdeveloper.scaling.health;

/**
 * How much a check weighs in its groups' status. A cache or a recommendation service that the
 * application can live without is {@link #NON_CRITICAL}: its outage is reported, not fatal.
 */
public enum Criticality {
  /** The check's status counts fully in the group aggregate. */
  CRITICAL,
  /**
   * The check is reported, but its {@link HealthStatus#DOWN} or {@link HealthStatus#OUT_OF_SERVICE}
   * counts as {@link HealthStatus#UP} in the aggregate and is listed under the group's {@code
   * degraded} detail instead.
   */
  NON_CRITICAL
}
