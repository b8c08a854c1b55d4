package dev.tdeveloper.cost.budget;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * How long a budget's amount lasts: a calendar month, quarter (January-March, April-June, ...) or
 * year, as AWS Budgets' MONTHLY, QUARTERLY and ANNUALLY cost budgets. Periods start on their first
 * day at midnight in the budget's zone and are end-exclusive.
 */
public enum BudgetPeriod {
  /** A calendar month. */
  MONTHLY,
  /** A calendar quarter: January, April, July or October to the end of the third month. */
  QUARTERLY,
  /** A calendar year. */
  ANNUALLY;

  /**
   * The period containing a day.
   *
   * @param day a calendar day
   * @return the window of this period that contains it
   */
  public BudgetWindow windowContaining(LocalDate day) {
    Objects.requireNonNull(day, "day");
    LocalDate start =
        switch (this) {
          case MONTHLY -> day.withDayOfMonth(1);
          case QUARTERLY -> LocalDate.of(day.getYear(), (day.getMonthValue() - 1) / 3 * 3 + 1, 1);
          case ANNUALLY -> day.withDayOfYear(1);
        };
    LocalDate end =
        switch (this) {
          case MONTHLY -> start.plusMonths(1);
          case QUARTERLY -> start.plusMonths(3);
          case ANNUALLY -> start.plusYears(1);
        };
    return new BudgetWindow(start, end);
  }

  /**
   * Parses a period name, case-insensitively.
   *
   * @param text {@code MONTHLY}, {@code QUARTERLY} or {@code ANNUALLY}
   * @return the period
   * @throws IllegalArgumentException naming the text and the allowed names
   */
  public static BudgetPeriod parse(String text) {
    Objects.requireNonNull(text, "period");
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "period: '" + text + "'; allowed: " + Arrays.toString(values()), e);
    }
  }
}
