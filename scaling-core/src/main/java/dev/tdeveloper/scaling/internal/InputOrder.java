package dev.tdeveloper.scaling.internal;

import java.time.Instant;

/**
 * The check behind the {@link dev.tdeveloper.scaling.autoscale.Autoscaler} contract that inputs
 * come in non-decreasing time, with one message for every autoscaler. Stateless and thread-safe.
 */
public final class InputOrder {
  private InputOrder() {}

  /**
   * Refuses an input earlier than the previous one; an input at the same time is accepted.
   *
   * @param time the time of the new input
   * @param previous the time of the previous input, or null before the first input
   * @throws IllegalArgumentException naming both times when {@code time} is before {@code previous}
   */
  public static void requireNotBefore(Instant time, Instant previous) {
    if (previous != null && time.isBefore(previous)) {
      throw outOfOrder(time, previous);
    }
  }

  /**
   * The exception for an input earlier than the previous one, for callers that compare times their
   * own way (as offsets from an origin, for example).
   *
   * @param time the time of the new input
   * @param previous the time of the previous input, after {@code time}
   * @return the exception to throw, naming both times
   */
  public static IllegalArgumentException outOfOrder(Instant time, Instant previous) {
    return new IllegalArgumentException(
        "input time: "
            + time
            + " is before the previous input "
            + previous
            + "; allowed: non-decreasing times, >= "
            + previous);
  }
}
