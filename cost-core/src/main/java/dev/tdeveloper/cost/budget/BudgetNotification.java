package dev.tdeveloper.cost.budget;

import dev.tdeveloper.cost.money.Money;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * When a budget alarms, as an AWS Budgets notification with the GREATER_THAN comparison: the
 * {@linkplain Type#ACTUAL actual} cost of the period so far, or its {@linkplain Type#FORECASTED
 * forecast} total, compared with a threshold that is a percentage of the budget's amount ({@code
 * 80} means 80%) or an absolute amount in the budget's currency. The notification is in ALARM while
 * the compared amount is strictly greater than the threshold. Immutable and thread-safe.
 *
 * @param type what is compared
 * @param thresholdType how the threshold is expressed
 * @param threshold the threshold: a percentage in {@code [0, 1000000]}, or an amount {@code >= 0}
 */
public record BudgetNotification(Type type, ThresholdType thresholdType, BigDecimal threshold) {
  /** The largest percentage threshold accepted (AWS Budgets' limit): {@value}. */
  public static final int MAX_PERCENTAGE = 1_000_000;

  /** What a notification compares with its threshold. */
  public enum Type {
    /** The cost recorded in the period so far. */
    ACTUAL,
    /** The forecast of the period's total (the actual cost so far when no forecast exists). */
    FORECASTED
  }

  /** How a notification's threshold is expressed. */
  public enum ThresholdType {
    /** A percentage of the budget's amount. */
    PERCENTAGE,
    /** An amount in the budget's currency. */
    ABSOLUTE_VALUE
  }

  /**
   * Validates.
   *
   * @throws IllegalArgumentException naming the threshold when it is negative, or a percentage
   *     above {@link #MAX_PERCENTAGE}
   */
  public BudgetNotification {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(thresholdType, "thresholdType");
    Objects.requireNonNull(threshold, "threshold");
    if (threshold.signum() < 0) {
      throw new IllegalArgumentException(
          "threshold: " + threshold.toPlainString() + " is negative; allowed: >= 0");
    }
    if (thresholdType == ThresholdType.PERCENTAGE
        && threshold.compareTo(BigDecimal.valueOf(MAX_PERCENTAGE)) > 0) {
      throw new IllegalArgumentException(
          "threshold: "
              + threshold.toPlainString()
              + "% is too large; allowed: 0 to "
              + MAX_PERCENTAGE
              + " percent");
    }
  }

  /**
   * A notification on the actual cost above a percentage of the budget.
   *
   * @param percent the percentage, {@code "80"} for 80%
   * @return the notification
   * @throws IllegalArgumentException naming the value when it is not a decimal or out of range
   */
  public static BudgetNotification actualPercent(String percent) {
    return new BudgetNotification(Type.ACTUAL, ThresholdType.PERCENTAGE, decimal(percent));
  }

  /**
   * A notification on the forecast total above a percentage of the budget.
   *
   * @param percent the percentage, {@code "100"} for 100%
   * @return the notification
   * @throws IllegalArgumentException naming the value when it is not a decimal or out of range
   */
  public static BudgetNotification forecastedPercent(String percent) {
    return new BudgetNotification(Type.FORECASTED, ThresholdType.PERCENTAGE, decimal(percent));
  }

  /**
   * A notification on the actual cost above an amount in the budget's currency.
   *
   * @param amount the amount, {@code "150.00"} for example
   * @return the notification
   * @throws IllegalArgumentException naming the value when it is not a decimal or negative
   */
  public static BudgetNotification actualAbsolute(String amount) {
    return new BudgetNotification(Type.ACTUAL, ThresholdType.ABSOLUTE_VALUE, decimal(amount));
  }

  /**
   * A notification on the forecast total above an amount in the budget's currency.
   *
   * @param amount the amount, {@code "150.00"} for example
   * @return the notification
   * @throws IllegalArgumentException naming the value when it is not a decimal or negative
   */
  public static BudgetNotification forecastedAbsolute(String amount) {
    return new BudgetNotification(Type.FORECASTED, ThresholdType.ABSOLUTE_VALUE, decimal(amount));
  }

  private static BigDecimal decimal(String text) {
    Objects.requireNonNull(text, "threshold");
    try {
      return new BigDecimal(text.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "threshold: '" + text + "' is not a decimal number; allowed: e.g. 80 or 150.00", e);
    }
  }

  /**
   * The threshold as money for a budget of the given amount.
   *
   * @param budgetAmount the budget's amount
   * @return {@code budgetAmount * threshold / 100} for a percentage, the threshold in the budget's
   *     currency otherwise; exact
   */
  public Money thresholdAmount(Money budgetAmount) {
    Objects.requireNonNull(budgetAmount, "budgetAmount");
    return thresholdType == ThresholdType.PERCENTAGE
        ? new Money(
            budgetAmount.amount().multiply(threshold).movePointLeft(2), budgetAmount.currency())
        : new Money(threshold, budgetAmount.currency());
  }

  /**
   * The state for a compared amount against a threshold (GREATER_THAN).
   *
   * @param compared the actual or forecast amount
   * @param thresholdAmount the threshold as money
   * @return ALARM when {@code compared > thresholdAmount}, OK otherwise
   */
  public static NotificationState stateOf(Money compared, Money thresholdAmount) {
    return compared.compareTo(thresholdAmount) > 0 ? NotificationState.ALARM : NotificationState.OK;
  }

  @Override
  public String toString() {
    return type
        + " > "
        + threshold.toPlainString()
        + (thresholdType == ThresholdType.PERCENTAGE ? "%" : "");
  }
}
