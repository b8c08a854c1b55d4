package dev.tdeveloper.observability.slo;

/**
 * Counts of an SLO's indicator over a window: events for {@link BudgetingMethod#OCCURRENCES},
 * closed time slices for {@link BudgetingMethod#TIMESLICES}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param total all events (or slices) counted
 * @param bad those that were not good
 */
public record SliCounts(long total, long bad) {
  /** No events. */
  public static final SliCounts NONE = new SliCounts(0, 0);

  /**
   * Validates the counts.
   *
   * @throws IllegalArgumentException unless {@code 0 <= bad <= total}
   */
  public SliCounts {
    if (bad < 0 || total < bad) {
      throw new IllegalArgumentException(
          "counts: total " + total + ", bad " + bad + "; allowed: 0 <= bad <= total");
    }
  }

  /** Returns the good events (or slices). */
  public long good() {
    return total - bad;
  }

  /** Returns {@code bad / total}, 0 when nothing was counted. */
  public double errorRatio() {
    return total == 0 ? 0 : (double) bad / total;
  }

  /**
   * Returns the burn rate for an objective: the error ratio divided by the error budget {@code 1 -
   * objective}; 1 spends the budget exactly over the SLO window, 0 when nothing was counted.
   */
  public double burnRate(double objective) {
    return errorRatio() / (1 - objective);
  }
}
