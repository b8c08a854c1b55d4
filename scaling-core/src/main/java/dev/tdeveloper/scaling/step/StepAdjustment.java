package dev.tdeveloper.scaling.step;

/**
 * One step of a {@link StepPolicy}: the interval of {@code metric - threshold} it covers and the
 * adjustment it makes, as AWS's {@code StepAdjustment}. Bounds are relative to the policy's alarm
 * threshold; an infinite bound is an open end (AWS's null bound). Which bound is inclusive depends
 * on the side of the threshold (see {@link #matches(double, boolean)}).
 *
 * @param lowerBound {@code metric - threshold} where the step starts, or {@link
 *     Double#NEGATIVE_INFINITY} for no lower bound
 * @param upperBound {@code metric - threshold} where the step ends, or {@link
 *     Double#POSITIVE_INFINITY} for no upper bound
 * @param adjustment the replicas (or percent, or exact count) this step applies, per the policy's
 *     {@link AdjustmentType}
 */
public record StepAdjustment(double lowerBound, double upperBound, int adjustment) {
  /**
   * Validates the interval.
   *
   * @throws IllegalArgumentException when a bound is NaN, a lower bound is {@code +inf}, an upper
   *     bound is {@code -inf}, both bounds are open, or {@code lowerBound >= upperBound}
   */
  public StepAdjustment {
    if (Double.isNaN(lowerBound) || lowerBound == Double.POSITIVE_INFINITY) {
      throw new IllegalArgumentException(
          "lowerBound: " + lowerBound + "; allowed: a finite number or -Infinity (open)");
    }
    if (Double.isNaN(upperBound) || upperBound == Double.NEGATIVE_INFINITY) {
      throw new IllegalArgumentException(
          "upperBound: " + upperBound + "; allowed: a finite number or +Infinity (open)");
    }
    if (Double.isInfinite(lowerBound) && Double.isInfinite(upperBound)) {
      throw new IllegalArgumentException(
          "step with adjustment "
              + adjustment
              + " has neither a lower nor an upper bound; allowed: at most one open bound");
    }
    if (lowerBound >= upperBound) {
      throw new IllegalArgumentException(
          "step ["
              + lowerBound
              + ", "
              + upperBound
              + "]: lowerBound is not below upperBound; allowed: lowerBound < upperBound");
    }
  }

  /**
   * A step between two bounds.
   *
   * @param lowerBound where it starts, relative to the threshold
   * @param upperBound where it ends, relative to the threshold
   * @param adjustment what it applies
   * @return the step
   */
  public static StepAdjustment between(double lowerBound, double upperBound, int adjustment) {
    return new StepAdjustment(lowerBound, upperBound, adjustment);
  }

  /**
   * A step with no upper bound (the last scale-out step).
   *
   * @param lowerBound where it starts, relative to the threshold
   * @param adjustment what it applies
   * @return the step
   */
  public static StepAdjustment above(double lowerBound, int adjustment) {
    return new StepAdjustment(lowerBound, Double.POSITIVE_INFINITY, adjustment);
  }

  /**
   * A step with no lower bound (the last scale-in step).
   *
   * @param upperBound where it ends, relative to the threshold
   * @param adjustment what it applies
   * @return the step
   */
  public static StepAdjustment below(double upperBound, int adjustment) {
    return new StepAdjustment(Double.NEGATIVE_INFINITY, upperBound, adjustment);
  }

  /**
   * Whether a breach {@code delta = metric - threshold} falls in this step. AWS: above the
   * threshold the lower bound is inclusive and the upper exclusive; below it, the lower bound is
   * exclusive and the upper inclusive.
   *
   * @param delta the metric minus the alarm threshold
   * @param aboveThreshold whether this is a scale-out (above-threshold) policy
   * @return true when the step applies
   */
  public boolean matches(double delta, boolean aboveThreshold) {
    return aboveThreshold
        ? delta >= lowerBound && delta < upperBound
        : delta > lowerBound && delta <= upperBound;
  }

  @Override
  public String toString() {
    String lo = Double.isInfinite(lowerBound) ? "-inf" : fmt(lowerBound);
    String hi = Double.isInfinite(upperBound) ? "+inf" : fmt(upperBound);
    return "[" + lo + ", " + hi + "] adjust " + adjustment;
  }

  static String fmt(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }
}
