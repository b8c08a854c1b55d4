package dev.tdeveloper.observability.slo;

/**
 * The state of one burn-rate rule for one SLO and tenant, as Prometheus keeps it for an alerting
 * rule with a {@code for} duration.
 */
public enum AlertState {
  /** The condition does not hold. */
  INACTIVE,
  /** The condition holds, for less than the rule's {@code for} duration: nothing is sent yet. */
  PENDING,
  /**
   * The condition has held for the {@code for} duration: a firing alert is sent each evaluation.
   */
  FIRING,
  /** The condition stopped holding at the last evaluation: the resolved alert was sent once. */
  RESOLVED
}
