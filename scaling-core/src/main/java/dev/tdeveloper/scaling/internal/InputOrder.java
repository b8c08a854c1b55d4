package dev.tdeveloper.scaling.internal;

import dev.tdeveloper.scaling.autoscale.ScalingInput;
import java.time.Instant;
import java.util.Objects;

/**
 * The check behind the {@link dev.tdeveloper.scaling.autoscale.Autoscaler} contract that inputs
 * come in non-decreasing time, with one message for every autoscaler. Stateless and thread-safe.
 */
public final class InputOrder {
  private InputOrder() {}

  /**
   * The time of {@code input}, refused when earlier than the previous input's.
   *
   * @param input the new input
   * @param previous the time of the previous input, or null before the first input
   * @return the input's time
   * @throws NullPointerException when {@code input} is null
   * @throws IllegalArgumentException naming both times when the input is earlier than {@code
   *     previous}
   */
  public static Instant timeOf(ScalingInput input, Instant previous) {
    Objects.requireNonNull(input, "input");
    Instant time = input.time();
    if (previous != null && time.isBefore(previous)) {
      throw outOfOrder(time, previous);
    }
    return time;
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
