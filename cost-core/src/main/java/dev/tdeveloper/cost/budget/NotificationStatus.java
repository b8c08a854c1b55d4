package dev.tdeveloper.cost.budget;

import dev.tdeveloper.cost.money.Money;
import java.util.Objects;

/**
 * One notification's evaluation: its threshold as money, the amount compared with it (the actual
 * cost, or the forecast total) and the resulting state. Immutable and thread-safe.
 *
 * @param notification the notification
 * @param threshold the threshold as money, exact
 * @param compared the actual cost to date, or the forecast total (the actual cost when there is no
 *     forecast), rounded to the minor unit
 * @param state ALARM when {@code compared > threshold}
 */
public record NotificationStatus(
    BudgetNotification notification, Money threshold, Money compared, NotificationState state) {
  /** Validates. */
  public NotificationStatus {
    Objects.requireNonNull(notification, "notification");
    Objects.requireNonNull(threshold, "threshold");
    Objects.requireNonNull(compared, "compared");
    Objects.requireNonNull(state, "state");
  }
}
