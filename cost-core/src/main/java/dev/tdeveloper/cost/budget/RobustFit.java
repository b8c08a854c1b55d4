package dev.tdeveloper.cost.budget;

import java.util.Arrays;

/**
 * The robust fits behind {@link CostForecaster}: Theil–Sen slopes (over all pairs of days, or over
 * pairs of the same weekday so a weekly pattern cannot bias the slope), day-of-week levels as
 * medians, and the median itself. Stateless.
 */
final class RobustFit {
  private RobustFit() {}

  /** Theil–Sen slope over all pairs. */
  static double slope(double[] y) {
    int n = y.length;
    double[] slopes = new double[n * (n - 1) / 2];
    int k = 0;
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        slopes[k++] = (y[j] - y[i]) / (j - i);
      }
    }
    return median(slopes);
  }

  /** Theil–Sen slope over pairs of the same weekday, which a weekly pattern cannot bias. */
  static double weeklySlope(double[] y) {
    int n = y.length;
    double[] slopes = new double[n * (n / 7 + 1)];
    int k = 0;
    for (int i = 0; i < n; i++) {
      for (int j = i + 7; j < n; j += 7) {
        slopes[k++] = (y[j] - y[i]) / (j - i);
      }
    }
    return median(Arrays.copyOf(slopes, k));
  }

  /** Fills the day-of-week offsets (centred on zero) and returns the intercept. */
  static double weeklyLevels(double[] y, int[] weekday, double slope, double[] offsets) {
    double mean = 0;
    for (int w = 0; w < 7; w++) {
      double[] values = new double[y.length];
      int k = 0;
      for (int i = 0; i < y.length; i++) {
        if (weekday[i] == w) {
          values[k++] = y[i] - slope * i;
        }
      }
      offsets[w] = median(Arrays.copyOf(values, k));
      mean += offsets[w] / 7;
    }
    for (int w = 0; w < 7; w++) {
      offsets[w] -= mean;
    }
    return mean;
  }

  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int m = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
  }
}
