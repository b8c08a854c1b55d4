package dev.tdeveloper.scaling.predictive;

/**
 * How far the mean-load forecasts were from the loads then observed, over a rolling window of
 * complete buckets.
 *
 * @param mape the mean absolute percentage error as a fraction (0.05 = 5%), over the pairs whose
 *     actual load is above 0 (a zero actual has no percentage error)
 * @param mae the mean absolute error in load units (requests/s), over all pairs
 * @param pairs the (forecast, actual) pairs in the window
 * @param zeroActuals how many of them had a zero actual and were left out of the MAPE
 */
public record ForecastError(double mape, double mae, int pairs, int zeroActuals) {
  /**
   * Validates.
   *
   * @throws IllegalArgumentException when a value is negative or not finite, or the counts disagree
   */
  public ForecastError {
    if (!Double.isFinite(mape) || mape < 0 || !Double.isFinite(mae) || mae < 0) {
      throw new IllegalArgumentException(
          "mape " + mape + ", mae " + mae + "; allowed: finite values >= 0");
    }
    if (pairs < 1 || zeroActuals < 0 || zeroActuals >= pairs) {
      throw new IllegalArgumentException(
          "pairs "
              + pairs
              + ", zeroActuals "
              + zeroActuals
              + "; allowed: 0 <= zeroActuals < pairs");
    }
  }
}
