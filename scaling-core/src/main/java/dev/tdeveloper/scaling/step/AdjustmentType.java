package dev.tdeveloper.scaling.step;

/**
 * How a step's adjustment changes the replica count, as AWS Auto Scaling's {@code AdjustmentType}.
 */
public enum AdjustmentType {
  /** Adds the adjustment (negative removes) to the current count. */
  CHANGE_IN_CAPACITY,
  /** Sets the count to the adjustment. */
  EXACT_CAPACITY,
  /**
   * Adds the adjustment as a percentage of the current count, rounded as AWS does: a result between
   * 0 and 1 becomes 1, above 1 is rounded down, between -1 and 0 becomes -1, below -1 is rounded up
   * (toward zero); a policy's minimum adjustment magnitude then applies.
   */
  PERCENT_CHANGE_IN_CAPACITY;

  /**
   * The change in replicas this type makes from {@code capacity}, before any minimum magnitude.
   *
   * @param capacity the capacity the change applies to
   * @param adjustment the step's adjustment
   * @return the signed change in replicas
   */
  long change(int capacity, int adjustment) {
    return switch (this) {
      case CHANGE_IN_CAPACITY -> adjustment;
      case EXACT_CAPACITY -> (long) adjustment - capacity;
      case PERCENT_CHANGE_IN_CAPACITY -> roundPercent(capacity * (double) adjustment / 100.0);
    };
  }

  /** AWS rounding of a fractional percent change: away from zero below magnitude 1, else toward. */
  static long roundPercent(double change) {
    if (change > 0 && change < 1) {
      return 1;
    }
    if (change < 0 && change > -1) {
      return -1;
    }
    return change >= 0 ? (long) Math.floor(change) : (long) Math.ceil(change);
  }
}
