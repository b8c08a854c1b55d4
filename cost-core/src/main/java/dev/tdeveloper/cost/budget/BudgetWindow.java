package dev.tdeveloper.cost.budget;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * One budget period as calendar days, end-exclusive: {@code [start, end)}; {@code 2024-02-01} to
 * {@code 2024-03-01} is February 2024 (29 days). Immutable and thread-safe.
 *
 * @param start the first day of the period
 * @param end the first day after it
 */
public record BudgetWindow(LocalDate start, LocalDate end) {
  /**
   * Validates.
   *
   * @throws IllegalArgumentException naming both days when {@code end} is not after {@code start}
   */
  public BudgetWindow {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (!end.isAfter(start)) {
      throw new IllegalArgumentException(
          "window: end " + end + " is not after start " + start + "; allowed: start < end");
    }
  }

  /**
   * The number of days in the window.
   *
   * @return {@code end - start} in days
   */
  public int days() {
    return (int) ChronoUnit.DAYS.between(start, end);
  }

  /**
   * Whether a day lies in the window.
   *
   * @param day a day
   * @return true when {@code start <= day < end}
   */
  public boolean contains(LocalDate day) {
    return !day.isBefore(start) && day.isBefore(end);
  }

  @Override
  public String toString() {
    return "[" + start + ", " + end + ")";
  }
}
