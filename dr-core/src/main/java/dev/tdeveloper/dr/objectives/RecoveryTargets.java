package dev.tdeveloper.dr.objectives;

import java.time.Duration;
import java.util.Objects;

/**
 * The recovery objectives of a source. Immutable and thread-safe.
 *
 * @param rpo at most this much time may pass since the last verified recovery point
 * @param rto a restore (measured by a drill) must take at most this long
 */
public record RecoveryTargets(Duration rpo, Duration rto) {
  /**
   * Checks both are positive.
   *
   * @throws IllegalArgumentException naming the field and value otherwise
   */
  public RecoveryTargets {
    positive("rpo", rpo);
    positive("rto", rto);
  }

  private static void positive(String field, Duration value) {
    Objects.requireNonNull(value, field);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(field + " target must be positive, was " + value);
    }
  }
}
