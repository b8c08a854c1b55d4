package dev.tdeveloper.cost.anomaly;

import dev.tdeveloper.cost.allocation.CostScope;
import dev.tdeveloper.cost.money.Money;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The recent history of one scope and service and its open anomaly, if any. The baseline is the
 * median of the same weekday over the last weeks; the scale is the median/MAD of that baseline's
 * own out-of-sample residuals over recent normal days, so a trend or a biased baseline shifts the
 * residual median (which the expected value then includes) rather than the score. Anomalous days
 * are kept out of both. Guarded by the detector's lock.
 */
final class Series {
  /** Residuals needed before a day is scored: two of every weekday. */
  static final int MIN_RESIDUALS = 14;

  record Day(double value, boolean flagged) {}

  /** A day's expected value and robust z-score (positive when above expected). */
  record Score(double expected, double score) {}

  final CostScope scope;
  final String service;
  final Currency currency;
  final TreeMap<LocalDate, Day> days = new TreeMap<>();
  OpenAnomaly open;

  Series(CostScope scope, String service, Currency currency) {
    this.scope = scope;
    this.service = service;
    this.currency = currency;
  }

  Optional<LocalDate> lastDay() {
    return days.isEmpty() ? Optional.empty() : Optional.of(days.lastKey());
  }

  /** Scores a new day, or empty when the series is too short to judge it. */
  Optional<Score> score(LocalDate day, double value, CostAnomalyConfig config) {
    if (days.size() < config.minHistoryDays()) {
      return Optional.empty();
    }
    double slope = slope(day, config.residualWindowDays());
    double base = weekdayMedian(day, config.lookbackWeeks(), slope);
    if (Double.isNaN(base)) {
      return Optional.empty();
    }
    double[] residuals = new double[config.residualWindowDays()];
    int n = 0;
    for (Map.Entry<LocalDate, Day> e : days.headMap(day, false).descendingMap().entrySet()) {
      if (n == residuals.length) {
        break;
      }
      if (e.getValue().flagged()) {
        continue;
      }
      double m = weekdayMedian(e.getKey(), config.lookbackWeeks(), slope);
      if (!Double.isNaN(m)) {
        residuals[n++] = e.getValue().value() - m;
      }
    }
    if (n < MIN_RESIDUALS) {
      return Optional.empty();
    }
    double center = RobustStats.median(residuals, n);
    double minorUnit = Math.pow(10, -Money.minorDigits(currency));
    double sigma = Math.max(RobustStats.sigma(residuals, n, center), minorUnit);
    double expected = Math.max(0, base + center);
    return Optional.of(new Score(expected, (value - expected) / sigma));
  }

  /**
   * What the series was expected to spend on a day even when it cannot be scored: the weekday
   * median, else the median of its recent normal days, else 0 (a service new on that day).
   */
  double roughExpected(LocalDate day, CostAnomalyConfig config) {
    double base = weekdayMedian(day, config.lookbackWeeks(), 0);
    if (!Double.isNaN(base)) {
      return base;
    }
    double[] recent = new double[7];
    int n = 0;
    for (Day d : days.headMap(day, false).descendingMap().values()) {
      if (n == recent.length) {
        break;
      }
      if (!d.flagged()) {
        recent[n++] = d.value();
      }
    }
    return n == 0 ? 0 : RobustStats.median(recent, n);
  }

  /**
   * The median of the normal same weekdays in the last {@code weeks} weeks, each moved forward by
   * the trend ({@code slope} per day) to the day judged, or NaN if there are none.
   */
  private double weekdayMedian(LocalDate day, int weeks, double slope) {
    double[] values = new double[weeks];
    int n = 0;
    for (int w = 1; w <= weeks; w++) {
      Day d = days.get(day.minusWeeks(w));
      if (d != null && !d.flagged()) {
        values[n++] = d.value() + 7.0 * w * slope;
      }
    }
    return n == 0 ? Double.NaN : RobustStats.median(values, n);
  }

  /**
   * The trend per day: the median week-over-week difference of normal days in the window before
   * {@code day}, over 7 (a seasonal Theil–Sen estimate: differencing by a week removes the weekly
   * season, the median ignores outliers); 0 with fewer than 7 differences.
   */
  private double slope(LocalDate day, int window) {
    double[] diffs = new double[window];
    int n = 0;
    for (Map.Entry<LocalDate, Day> e :
        days.subMap(day.minusDays(window), true, day, false).entrySet()) {
      Day before = days.get(e.getKey().minusWeeks(1));
      if (!e.getValue().flagged() && before != null && !before.flagged()) {
        diffs[n++] = e.getValue().value() - before.value();
      }
    }
    return n < 7 ? 0 : RobustStats.median(diffs, n) / 7;
  }

  /** Takes the days from {@code start} on as normal and forgets the days before it. */
  void restartAt(LocalDate start) {
    days.headMap(start, false).clear();
    days.replaceAll((d, v) -> new Day(v.value(), false));
  }

  /** Forgets days no score can reach any more. */
  void prune(CostAnomalyConfig config) {
    if (days.isEmpty()) {
      return;
    }
    int keep =
        (config.lookbackWeeks() + 1) * 7
            + 2 * config.residualWindowDays()
            + config.newNormalAfterDays();
    days.headMap(days.lastKey().minusDays(keep), false).clear();
  }
}
