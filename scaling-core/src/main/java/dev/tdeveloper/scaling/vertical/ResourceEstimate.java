package dev.tdeveloper.scaling.vertical;

/**
 * A recommended amount of one resource with the range around it: below {@code lowerBound} the
 * container is likely starved, above {@code upperBound} the request is likely wasted (the VPA's
 * updater evicts a pod whose request leaves this range).
 *
 * @param lowerBound the least advisable request
 * @param target the recommended request
 * @param upperBound the most advisable request
 */
public record ResourceEstimate(double lowerBound, double target, double upperBound) {
  /**
   * Validates.
   *
   * @throws IllegalArgumentException when a value is negative or not finite, or the values are not
   *     ordered {@code lowerBound <= target <= upperBound}
   */
  public ResourceEstimate {
    for (double v : new double[] {lowerBound, target, upperBound}) {
      if (!Double.isFinite(v) || v < 0) {
        throw new IllegalArgumentException("estimate: " + v + "; allowed: finite values >= 0");
      }
    }
    if (lowerBound > target || target > upperBound) {
      throw new IllegalArgumentException(
          "estimate: lower "
              + lowerBound
              + ", target "
              + target
              + ", upper "
              + upperBound
              + "; allowed: lower <= target <= upper");
    }
  }
}
