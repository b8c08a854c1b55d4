package dev.tdeveloper.cost.budget;

import dev.tdeveloper.cost.money.Money;
import java.util.Objects;

/**
 * A range that the period's total should fall in with the stated confidence, if the fitted trend
 * and weekly pattern hold and the daily deviations stay as they were. Immutable and thread-safe.
 *
 * @param confidencePercent the nominal coverage, 80 or 95
 * @param lower the lower bound, never below the cost already recorded
 * @param upper the upper bound
 */
public record PredictionInterval(int confidencePercent, Money lower, Money upper) {
  /**
   * Validates.
   *
   * @throws IllegalArgumentException when the confidence is not in (0, 100) or lower exceeds upper
   */
  public PredictionInterval {
    Objects.requireNonNull(lower, "lower");
    Objects.requireNonNull(upper, "upper");
    if (confidencePercent <= 0 || confidencePercent >= 100) {
      throw new IllegalArgumentException(
          "confidencePercent: " + confidencePercent + "; allowed: 1 to 99");
    }
    if (lower.compareTo(upper) > 0) {
      throw new IllegalArgumentException(
          "interval: lower " + lower + " above upper " + upper + "; allowed: lower <= upper");
    }
  }

  /**
   * Whether an amount lies in the interval, bounds included.
   *
   * @param amount an amount of the same currency
   * @return true when {@code lower <= amount <= upper}
   */
  public boolean contains(Money amount) {
    return lower.compareTo(amount) <= 0 && amount.compareTo(upper) <= 0;
  }

  @Override
  public String toString() {
    return confidencePercent + "% [" + lower.amount().toPlainString() + ", " + upper + "]";
  }
}
