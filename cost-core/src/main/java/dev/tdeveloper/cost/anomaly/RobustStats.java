package dev.tdeveloper.cost.anomaly;

import java.util.Arrays;

/** Median and median absolute deviation of small samples. Stateless. */
final class RobustStats {
  /** 1 / Φ⁻¹(3/4): makes the MAD a consistent estimate of a normal standard deviation. */
  static final double MAD_TO_SIGMA = 1.4826;

  /** √(π/2): makes the mean absolute deviation a consistent estimate of a normal one. */
  static final double MEAN_AD_TO_SIGMA = 1.2533;

  private RobustStats() {}

  /** The median of the first {@code n} values (sorts them in place); n must be at least 1. */
  static double median(double[] values, int n) {
    Arrays.sort(values, 0, n);
    int mid = n / 2;
    return n % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
  }

  /**
   * A robust standard deviation of the first {@code n} values around {@code center}: 1.4826 × MAD,
   * or, when more than half the values equal the center (MAD 0), 1.2533 × the mean absolute
   * deviation, as Iglewicz and Hoaglin suggest; 0 only when all values equal the center.
   */
  static double sigma(double[] values, int n, double center) {
    double[] dev = new double[n];
    double sum = 0;
    for (int i = 0; i < n; i++) {
      dev[i] = Math.abs(values[i] - center);
      sum += dev[i];
    }
    double mad = median(dev, n);
    return mad > 0 ? MAD_TO_SIGMA * mad : MEAN_AD_TO_SIGMA * sum / n;
  }
}
