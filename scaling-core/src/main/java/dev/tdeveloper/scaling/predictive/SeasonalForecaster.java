package dev.tdeveloper.scaling.predictive;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Forecasts a {@link LoadSeries} with an additive double-seasonal Holt-Winters model (Taylor 2003,
 * "Short-term electricity demand forecasting using double seasonal exponential smoothing"): a
 * level, a daily season and, once at least {@value #WEEKLY_AFTER_DAYS} days of history exist, a
 * weekly season; the mean and the peak series are forecast separately.
 *
 * <p>Why additive: workload traffic often falls to zero at night (scale-to-zero tenants), where a
 * multiplicative season divides by zero or explodes; an additive season also represents a recurring
 * spike as a bounded bump that cannot be amplified by a level estimate, which keeps the forecast
 * from over-shooting (every over-forecast costs replica-hours). Why no trend: a trend extrapolated
 * over 48 h from intraday noise over-forecasts; the level alone follows growth from day to day.
 *
 * <p>Why 8 days for the weekly season: the first week initializes it and at least one more day must
 * update it; with the default 14-day retention a full two weeks of complete buckets never exist, so
 * requiring two weeks would never enable it.
 *
 * <p>Parameters: unless fixed with {@link #withParameters}, they are fitted per series by a
 * deterministic grid search minimizing the mean of the squared one-step and {@code h}-step errors
 * ({@code h} = 6 hours of buckets, the refresh interval, at most a day), counted after the first
 * season; the error carry {@code phi} is the lag-1 autocorrelation of the one-step residuals,
 * clipped to [0, 0.9]. A refit of 14 days of 5-minute buckets (4,032 points, both series) takes a
 * few milliseconds. Immutable and thread-safe.
 */
public final class SeasonalForecaster {
  /** History needed before any forecast: {@value} day. */
  public static final int MIN_HISTORY_DAYS = 1;

  /** History from which the weekly season is used: {@value} days. */
  public static final int WEEKLY_AFTER_DAYS = 8;

  /** The parameters used when fitting is impossible (too few points to score): a safe middle. */
  public static final SmoothingParameters DEFAULT_PARAMETERS =
      new SmoothingParameters(0.1, 0.2, 0.1, 0);

  private static final double[] LEVEL_GRID = {0.02, 0.05, 0.1, 0.2, 0.35, 0.5};
  private static final double[] DAILY_GRID = {0.02, 0.05, 0.1, 0.2, 0.35, 0.5};
  private static final double[] WEEKLY_GRID = {0.05, 0.1, 0.2, 0.35};

  private final Optional<SmoothingParameters> fixed;

  private SeasonalForecaster(Optional<SmoothingParameters> fixed) {
    this.fixed = fixed;
  }

  /**
   * A forecaster that fits its parameters to each series.
   *
   * @return the forecaster
   */
  public static SeasonalForecaster fitted() {
    return new SeasonalForecaster(Optional.empty());
  }

  /**
   * A forecaster with fixed parameters (no fitting).
   *
   * @param parameters the smoothing parameters
   * @return the forecaster
   */
  public static SeasonalForecaster withParameters(SmoothingParameters parameters) {
    return new SeasonalForecaster(Optional.of(Objects.requireNonNull(parameters, "parameters")));
  }

  /**
   * Fits the series and forecasts the buckets that follow it.
   *
   * @param series the history, gap-free
   * @param horizon how many buckets to forecast, at least 1
   * @return the forecast from {@link LoadSeries#end()}, or empty when the series covers less than
   *     {@value #MIN_HISTORY_DAYS} day
   * @throws IllegalArgumentException when {@code horizon < 1}
   */
  public Optional<LoadForecast> forecast(LoadSeries series, int horizon) {
    Objects.requireNonNull(series, "series");
    if (horizon < 1) {
      throw new IllegalArgumentException("horizon: " + horizon + " buckets; allowed: >= 1");
    }
    int s1 = series.bucketsPerDay();
    int n = series.size();
    if (n < s1 * MIN_HISTORY_DAYS) {
      return Optional.empty();
    }
    int s2 = n >= s1 * WEEKLY_AFTER_DAYS ? 7 * s1 : 0;
    int h = (int) Math.max(1, Math.min(s1, Duration.ofHours(6).toMillis() / bucketMillis(series)));
    Fitted mean = fit(series.meanArray(), s1, s2, h, horizon);
    Fitted peak = fit(series.peakArray(), s1, s2, h, horizon);
    double[] p = peak.forecast;
    for (int i = 0; i < p.length; i++) {
      p[i] = Math.max(p[i], mean.forecast[i]);
    }
    return Optional.of(
        new LoadForecast(
            series.end(),
            series.bucket(),
            mean.forecast,
            p,
            s2 > 0,
            mean.parameters,
            peak.parameters));
  }

  private static long bucketMillis(LoadSeries s) {
    return s.bucket().toMillis();
  }

  private record Fitted(SmoothingParameters parameters, double[] forecast) {}

  private Fitted fit(double[] y, int s1, int s2, int h, int horizon) {
    SmoothingParameters best = fixed.orElse(DEFAULT_PARAMETERS);
    if (fixed.isEmpty() && y.length > s1) {
      double bestLoss = Double.POSITIVE_INFINITY;
      double[] weeklyGrid = s2 > 0 ? WEEKLY_GRID : new double[] {0};
      for (double a : LEVEL_GRID) {
        for (double d : DAILY_GRID) {
          for (double w : weeklyGrid) {
            SmoothingParameters p = new SmoothingParameters(a, d, w, 0);
            double loss = HoltWinters.run(y, s1, s2, p, h, null, null);
            if (loss < bestLoss) {
              bestLoss = loss;
              best = p;
            }
          }
        }
      }
    }
    HoltWinters.State st = new HoltWinters.State(s1, s2);
    double[] residuals = new double[y.length];
    HoltWinters.run(y, s1, s2, best, h, st, residuals);
    if (fixed.isEmpty()) {
      best =
          new SmoothingParameters(
              best.level(), best.daily(), best.weekly(), errorCarry(residuals, s1));
    }
    return new Fitted(best, HoltWinters.forecast(st, y.length, s1, s2, best.errorCarry(), horizon));
  }

  /** Lag-1 autocorrelation of the residuals after the first season, clipped to [0, 0.9]. */
  private static double errorCarry(double[] r, int from) {
    double num = 0;
    double den = 0;
    for (int t = Math.min(from, r.length - 1) + 1; t < r.length; t++) {
      num += r[t] * r[t - 1];
      den += r[t - 1] * r[t - 1];
    }
    return den == 0 ? 0 : Math.max(0, Math.min(0.9, num / den));
  }
}
