package dev.tdeveloper.cost.budget;

import dev.tdeveloper.cost.money.Money;
import java.util.Objects;

/**
 * A period-end forecast from {@link CostForecaster}: either {@link Available} with its intervals,
 * or {@link Unavailable} with the reason (too little history). Immutable and thread-safe.
 */
public sealed interface CostForecast {
  /**
   * The cost recorded in the period so far, rounded to the minor unit.
   *
   * @return the actual cost to date
   */
  Money actualToDate();

  /**
   * A forecast of the period's total.
   *
   * @param actualToDate the cost recorded in the period so far
   * @param total the forecast total for the whole period: recorded days plus predicted ones
   * @param interval80 the 80% prediction interval of the total
   * @param interval95 the 95% prediction interval of the total
   * @param trendPerDay the fitted daily change of the daily cost
   * @param trainingDays the number of days of history the model was fitted on
   * @param remainingDays the number of days of the period that were predicted
   * @param weekly whether day-of-week offsets were fitted (enough history for a weekly season)
   */
  record Available(
      Money actualToDate,
      Money total,
      PredictionInterval interval80,
      PredictionInterval interval95,
      Money trendPerDay,
      int trainingDays,
      int remainingDays,
      boolean weekly)
      implements CostForecast {
    /** Validates. */
    public Available {
      Objects.requireNonNull(actualToDate, "actualToDate");
      Objects.requireNonNull(total, "total");
      Objects.requireNonNull(interval80, "interval80");
      Objects.requireNonNull(interval95, "interval95");
      Objects.requireNonNull(trendPerDay, "trendPerDay");
    }

    /**
     * How the forecast was made, in one sentence for reports.
     *
     * @return the explanation
     */
    public String explanation() {
      return "actual "
          + actualToDate
          + " + "
          + remainingDays
          + " predicted days = "
          + total
          + " (Theil-Sen trend "
          + trendPerDay.amount().toPlainString()
          + "/day"
          + (weekly ? " with day-of-week offsets" : "")
          + ", fitted on "
          + trainingDays
          + " days; "
          + interval80
          + ", "
          + interval95
          + ")";
    }
  }

  /**
   * No forecast: the history is too short.
   *
   * @param actualToDate the cost recorded in the period so far
   * @param reason why, naming the days required and the days available
   */
  record Unavailable(Money actualToDate, String reason) implements CostForecast {
    /** Validates. */
    public Unavailable {
      Objects.requireNonNull(actualToDate, "actualToDate");
      Objects.requireNonNull(reason, "reason");
    }
  }
}
