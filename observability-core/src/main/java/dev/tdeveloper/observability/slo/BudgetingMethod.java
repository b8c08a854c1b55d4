package dev.tdeveloper.observability.slo;

/** How an SLO's error budget is counted, in OpenSLO's terms. */
public enum BudgetingMethod {
  /** Every event counts: the budget is the fraction {@code 1 - objective} of all events. */
  OCCURRENCES,
  /**
   * Time is cut into slices of a fixed length; a slice is good when its good-event ratio is at
   * least the slice target, and the budget is the fraction {@code 1 - objective} of the slices. A
   * slice without events is not counted (no evidence either way), and a slice counts once it has
   * closed.
   */
  TIMESLICES
}
