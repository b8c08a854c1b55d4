package dev.tdeveloper.cost.budget;

/** Whether a budget notification's threshold is passed, as AWS Budgets' notification state. */
public enum NotificationState {
  /** The compared amount is at or below the threshold. */
  OK,
  /** The compared amount is above the threshold. */
  ALARM
}
