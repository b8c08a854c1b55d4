package dev.tdeveloper.compliance.spi;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The period that evidence covers, as the half-open interval {@code [start, end)}: a SOC 2 Type II
 * audit period, a quarter, or the last 24 hours. Immutable and thread-safe.
 *
 * @param start the first instant covered
 * @param end the first instant no longer covered; strictly after {@code start}
 */
public record EvidencePeriod(Instant start, Instant end) {
  /**
   * Checks the bounds.
   *
   * @throws IllegalArgumentException if {@code end} is not after {@code start}
   */
  public EvidencePeriod {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (!end.isAfter(start)) {
      throw new IllegalArgumentException(
          "EvidencePeriod.end (" + end + ") must be after start (" + start + ")");
    }
  }

  /**
   * Returns the period of {@code length} that ends at {@code end}.
   *
   * @throws IllegalArgumentException if {@code length} is zero or negative
   */
  public static EvidencePeriod ending(Instant end, Duration length) {
    Objects.requireNonNull(end, "end");
    Objects.requireNonNull(length, "length");
    if (length.isZero() || length.isNegative()) {
      throw new IllegalArgumentException("EvidencePeriod length must be positive, got " + length);
    }
    return new EvidencePeriod(end.minus(length), end);
  }

  /** Returns whether {@code instant} lies in {@code [start, end)}. */
  public boolean contains(Instant instant) {
    return !instant.isBefore(start) && instant.isBefore(end);
  }

  /** Returns the length of the period. */
  public Duration length() {
    return Duration.between(start, end);
  }

  @Override
  public String toString() {
    return "[" + start + ", " + end + ")";
  }
}
