package dev.tdeveloper.cost.budget;

import java.util.Objects;

/**
 * Published by {@link BudgetMonitor} when a notification changes state: {@link Raised} on OK to
 * ALARM, {@link Cleared} on ALARM to OK (a restated day lowered the cost, or a forecast fell). Each
 * carries the budget's whole evaluation, so a listener can say why. A new period starts OK without
 * an event. Immutable and thread-safe.
 */
public sealed interface BudgetAlert {
  /**
   * The budget's evaluation that caused the event.
   *
   * @return the budget's status
   */
  BudgetStatus status();

  /**
   * The notification that changed state, as evaluated.
   *
   * @return the notification's status
   */
  NotificationStatus notification();

  /**
   * The budget concerned.
   *
   * @return the budget
   */
  default Budget budget() {
    return status().budget();
  }

  /**
   * A notification went from OK to ALARM.
   *
   * @param status the budget's evaluation
   * @param notification the notification, now in ALARM
   */
  record Raised(BudgetStatus status, NotificationStatus notification) implements BudgetAlert {
    /** Validates. */
    public Raised {
      Objects.requireNonNull(status, "status");
      Objects.requireNonNull(notification, "notification");
    }

    @Override
    public String toString() {
      return describe(this, "raised", " > ");
    }
  }

  /**
   * A notification went from ALARM back to OK within the same period.
   *
   * @param status the budget's evaluation
   * @param notification the notification, now OK
   */
  record Cleared(BudgetStatus status, NotificationStatus notification) implements BudgetAlert {
    /** Validates. */
    public Cleared {
      Objects.requireNonNull(status, "status");
      Objects.requireNonNull(notification, "notification");
    }

    @Override
    public String toString() {
      return describe(this, "cleared", " <= ");
    }
  }

  /** {@code budget 'name' of scope window: notification verb (compared op threshold)}. */
  private static String describe(BudgetAlert alert, String verb, String op) {
    NotificationStatus n = alert.notification();
    return "budget '"
        + alert.budget().name()
        + "' of "
        + alert.budget().scope()
        + " "
        + alert.status().window()
        + ": "
        + n.notification()
        + " "
        + verb
        + " ("
        + n.compared()
        + op
        + n.threshold()
        + ")";
  }
}
