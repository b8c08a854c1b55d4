package dev.tdeveloper.cost.budget;

import dev.tdeveloper.cost.allocation.DailyCost;
import dev.tdeveloper.cost.money.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Forecasts a budget period's total from daily costs. The model, fitted on the complete days before
 * {@code asOf} (up to {@link #lookbackDays()} of them, a missing day counting as zero cost):
 *
 * <ul>
 *   <li>trend: a Theil–Sen line (median of pairwise slopes, median intercept), robust to a few
 *       spiky days;
 *   <li>weekly season, once {@link #weeklyMinimumDays()} days exist: the slope is the median over
 *       pairs of the same weekday only (so the weekly pattern cannot bias it), and each weekday
 *       gets an additive offset, the median of its detrended days; offsets rather than factors so a
 *       day of zero cost stays well defined;
 *   <li>interval: residual scale {@code sigma = sqrt(RSS / (n - p))} over the in-sample residuals
 *       with {@code p} fitted parameters (2, or 8 with the weekly offsets; an outlier day widens
 *       the interval, as it should); the variance of the sum of the {@code h} predicted days is
 *       {@code sigma^2 * (h + h^2/n + (sum(t_j - mean t))^2 / Sxx)} (the least-squares formula for
 *       independent residuals: day noise, level and slope uncertainty), and the 80% / 95% intervals
 *       are {@code total -/+ 1.2816 / 1.9600} standard deviations (normal approximation), the lower
 *       bound never below the cost already recorded.
 * </ul>
 *
 * <p>Predicted days are never negative; a day at or after {@code asOf} that already has a (partial)
 * cost counts as the larger of its prediction and its record. With fewer than {@link
 * #minimumDays()} days of history there is no forecast ({@link CostForecast.Unavailable}). The
 * computation is deterministic; amounts come out rounded to the currency's minor unit. Immutable
 * and thread-safe.
 */
public final class CostForecaster {
  /** Default minimum days of history for a forecast: {@value}. */
  public static final int DEFAULT_MINIMUM_DAYS = 5;

  /**
   * Default minimum days of history for the weekly season (three weeks, so each weekday's offset is
   * a median of three days): {@value}.
   */
  public static final int DEFAULT_WEEKLY_MINIMUM_DAYS = 21;

  /** Default number of days of history the model is fitted on: {@value}. */
  public static final int DEFAULT_LOOKBACK_DAYS = 91;

  /** The longest look-back accepted: {@value} days. */
  public static final int MAX_LOOKBACK_DAYS = 366;

  private static final double Z80 = 1.2815515655446004;
  private static final double Z95 = 1.959963984540054;

  private final int minimumDays;
  private final int weeklyMinimumDays;
  private final int lookbackDays;

  private CostForecaster(int minimumDays, int weeklyMinimumDays, int lookbackDays) {
    this.minimumDays = minimumDays;
    this.weeklyMinimumDays = weeklyMinimumDays;
    this.lookbackDays = lookbackDays;
  }

  /**
   * A forecaster with the defaults.
   *
   * @return the forecaster
   */
  public static CostForecaster defaults() {
    return builder().build();
  }

  /**
   * A builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The minimum days of history for a forecast.
   *
   * @return the days
   */
  public int minimumDays() {
    return minimumDays;
  }

  /**
   * The minimum days of history for fitting the weekly season.
   *
   * @return the days
   */
  public int weeklyMinimumDays() {
    return weeklyMinimumDays;
  }

  /**
   * The most days of history fitted.
   *
   * @return the days
   */
  public int lookbackDays() {
    return lookbackDays;
  }

  /**
   * Forecasts a period's total.
   *
   * @param costs daily costs of one currency, before and in the period; costs of the same day (of
   *     several services) are added
   * @param currency their currency
   * @param window the period
   * @param asOf the first day not known to be complete (today); days before it are history
   * @return the forecast, or why there is none
   * @throws IllegalArgumentException naming the day and both currencies when a cost is of another
   *     currency
   */
  public CostForecast forecast(
      List<DailyCost> costs, Currency currency, BudgetWindow window, LocalDate asOf) {
    Objects.requireNonNull(costs, "costs");
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(asOf, "asOf");
    TreeMap<LocalDate, BigDecimal> byDay = new TreeMap<>();
    for (DailyCost c : costs) {
      if (!c.cost().currency().equals(currency)) {
        throw new IllegalArgumentException(
            "cost of "
                + c.scope()
                + " on "
                + c.day()
                + ": currency "
                + c.cost().currency()
                + "; allowed: "
                + currency);
      }
      byDay.merge(c.day(), c.cost().amount(), BigDecimal::add);
    }
    BigDecimal actual = sum(byDay.subMap(window.start(), window.end()));
    Money actualMoney = money(actual, currency);
    if (!asOf.isBefore(window.end())) {
      PredictionInterval p80 = new PredictionInterval(80, actualMoney, actualMoney);
      PredictionInterval p95 = new PredictionInterval(95, actualMoney, actualMoney);
      return new CostForecast.Available(
          actualMoney, actualMoney, p80, p95, Money.zero(currency), 0, 0, false);
    }
    SortedMap<LocalDate, BigDecimal> history = byDay.subMap(asOf.minusDays(lookbackDays), asOf);
    LocalDate trainStart = history.isEmpty() ? asOf : history.firstKey();
    int n = (int) ChronoUnit.DAYS.between(trainStart, asOf);
    if (n < minimumDays) {
      return new CostForecast.Unavailable(
          actualMoney,
          "no forecast: needs at least "
              + minimumDays
              + " days of cost history before "
              + asOf
              + ", has "
              + n);
    }
    double[] y = new double[n];
    int[] weekday = new int[n];
    for (int i = 0; i < n; i++) {
      LocalDate day = trainStart.plusDays(i);
      y[i] = history.getOrDefault(day, BigDecimal.ZERO).doubleValue();
      weekday[i] = day.getDayOfWeek().getValue() - 1;
    }
    boolean weekly = n >= weeklyMinimumDays;
    double[] offsets = new double[7];
    double slope = weekly ? RobustFit.weeklySlope(y) : RobustFit.slope(y);
    double intercept;
    if (weekly) {
      intercept = RobustFit.weeklyLevels(y, weekday, slope, offsets);
    } else {
      double[] detrended = new double[n];
      for (int i = 0; i < n; i++) {
        detrended[i] = y[i] - slope * i;
      }
      intercept = RobustFit.median(detrended);
    }
    double[] residuals = new double[n];
    for (int i = 0; i < n; i++) {
      residuals[i] = y[i] - (intercept + slope * i + offsets[weekday[i]]);
    }
    int parameters = weekly ? 8 : 2;
    double rss = 0;
    for (double r : residuals) {
      rss += r * r;
    }
    double sigma = Math.sqrt(rss / (n - parameters));

    LocalDate futureStart = asOf.isAfter(window.start()) ? asOf : window.start();
    BigDecimal total = sum(byDay.subMap(window.start(), futureStart));
    int h = 0;
    double tMean = (n - 1) / 2.0;
    double tSpread = 0;
    for (LocalDate day = futureStart; day.isBefore(window.end()); day = day.plusDays(1)) {
      int t = (int) ChronoUnit.DAYS.between(trainStart, day);
      double p = Math.max(0, intercept + slope * t + offsets[day.getDayOfWeek().getValue() - 1]);
      BigDecimal predicted = BigDecimal.valueOf(p);
      BigDecimal recorded = byDay.get(day);
      total =
          total.add(recorded != null && recorded.compareTo(predicted) > 0 ? recorded : predicted);
      tSpread += t - tMean;
      h++;
    }
    double sxx = n * ((double) n * n - 1) / 12.0;
    double sd = sigma * Math.sqrt(h + (double) h * h / n + tSpread * tSpread / sxx);
    return new CostForecast.Available(
        actualMoney,
        money(total, currency),
        interval(80, total, Z80 * sd, actual, currency),
        interval(95, total, Z95 * sd, actual, currency),
        money(BigDecimal.valueOf(slope), currency),
        n,
        h,
        weekly);
  }

  private static PredictionInterval interval(
      int percent, BigDecimal total, double halfWidth, BigDecimal actual, Currency currency) {
    BigDecimal hw = BigDecimal.valueOf(halfWidth);
    BigDecimal lower = total.subtract(hw).max(actual);
    return new PredictionInterval(percent, money(lower, currency), money(total.add(hw), currency));
  }

  private static BigDecimal sum(SortedMap<LocalDate, BigDecimal> days) {
    BigDecimal s = BigDecimal.ZERO;
    for (BigDecimal v : days.values()) {
      s = s.add(v);
    }
    return s;
  }

  private static Money money(BigDecimal amount, Currency currency) {
    return new Money(amount, currency).rounded();
  }

  /** Builds a {@link CostForecaster}; each setter may be called once. Not thread-safe. */
  public static final class Builder {
    private int minimumDays = -1;
    private int weeklyMinimumDays = -1;
    private int lookbackDays = -1;

    private Builder() {}

    /**
     * Sets the minimum days of history for a forecast; default {@value #DEFAULT_MINIMUM_DAYS}.
     *
     * @param days at least 3
     * @return this builder
     * @throws IllegalArgumentException naming the value when it is below 3
     */
    public Builder minimumDays(int days) {
      minimumDays = set(minimumDays, days, 3, "minimumDays");
      return this;
    }

    /**
     * Sets the minimum days of history for the weekly season; default {@value
     * #DEFAULT_WEEKLY_MINIMUM_DAYS}.
     *
     * @param days at least 14, so that every weekday is seen twice
     * @return this builder
     * @throws IllegalArgumentException naming the value when it is below 14
     */
    public Builder weeklyMinimumDays(int days) {
      weeklyMinimumDays = set(weeklyMinimumDays, days, 14, "weeklyMinimumDays");
      return this;
    }

    /**
     * Sets the most days of history fitted; default {@value #DEFAULT_LOOKBACK_DAYS}.
     *
     * @param days from the minimum days to {@value #MAX_LOOKBACK_DAYS}
     * @return this builder
     * @throws IllegalArgumentException naming the value when it is out of range
     */
    public Builder lookbackDays(int days) {
      lookbackDays = set(lookbackDays, days, 3, "lookbackDays");
      if (days > MAX_LOOKBACK_DAYS) {
        throw new IllegalArgumentException(
            "lookbackDays: " + days + "; allowed: 3 to " + MAX_LOOKBACK_DAYS);
      }
      return this;
    }

    /**
     * Builds the forecaster.
     *
     * @return the forecaster
     * @throws IllegalStateException when the look-back is shorter than the minimum days
     */
    public CostForecaster build() {
      int min = minimumDays < 0 ? DEFAULT_MINIMUM_DAYS : minimumDays;
      int weekly = weeklyMinimumDays < 0 ? DEFAULT_WEEKLY_MINIMUM_DAYS : weeklyMinimumDays;
      int lookback = lookbackDays < 0 ? DEFAULT_LOOKBACK_DAYS : lookbackDays;
      if (lookback < min) {
        throw new IllegalStateException(
            "lookbackDays: "
                + lookback
                + " is below minimumDays "
                + min
                + "; allowed: lookbackDays >= minimumDays");
      }
      return new CostForecaster(min, weekly, lookback);
    }

    private static int set(int current, int value, int min, String field) {
      if (current >= 0) {
        throw new IllegalStateException(
            field + ": already set to " + current + "; allowed: set once");
      }
      if (value < min) {
        throw new IllegalArgumentException(field + ": " + value + "; allowed: >= " + min);
      }
      return value;
    }
  }
}
