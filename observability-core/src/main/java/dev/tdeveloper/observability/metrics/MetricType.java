package dev.tdeveloper.observability.metrics;

/** The kind of a business metric. */
public enum MetricType {
  /**
   * A monotonic count in whole units (sign-ups, notes created, revenue in minor currency units):
   * only ever increased, by amounts of zero or more.
   */
  COUNTER,
  /**
   * A value that goes up and down (active users, open tickets), changed by signed deltas so that
   * the tenants folded into {@code other} add up exactly.
   */
  GAUGE;

  /** Returns the lowercase name used in JSON snapshots: {@code counter} or {@code gauge}. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
