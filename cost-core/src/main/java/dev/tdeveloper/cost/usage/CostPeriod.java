package dev.tdeveloper.cost.usage;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A time range, end-exclusive as FOCUS charge periods are: {@code [start, end)}.
 *
 * @param start the first instant in the period
 * @param end the first instant after it
 */
public record CostPeriod(Instant start, Instant end) {
  /**
   * Validates.
   *
   * @throws IllegalArgumentException naming both instants when {@code end} is not after {@code
   *     start}
   */
  public CostPeriod {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (!end.isAfter(start)) {
      throw new IllegalArgumentException(
          "period: end " + end + " is not after start " + start + "; allowed: start < end");
    }
  }

  /**
   * A period.
   *
   * @param start first instant
   * @param end first instant after
   * @return the period
   */
  public static CostPeriod of(Instant start, Instant end) {
    return new CostPeriod(start, end);
  }

  /**
   * How long the period lasts.
   *
   * @return {@code end - start}
   */
  public Duration duration() {
    return Duration.between(start, end);
  }

  /**
   * Whether an instant lies in the period.
   *
   * @param t an instant
   * @return true when {@code start <= t < end}
   */
  public boolean contains(Instant t) {
    return !t.isBefore(start) && t.isBefore(end);
  }

  /**
   * Whether another period lies entirely inside this one.
   *
   * @param other a period
   * @return true when {@code start <= other.start} and {@code other.end <= end}
   */
  public boolean encloses(CostPeriod other) {
    return !other.start.isBefore(start) && !other.end.isAfter(end);
  }
}
