package dev.tdeveloper.tenancy.quota;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One quota window: the half-open interval {@code [start, end)} during which consumption counts
 * against a limit. Immutable and thread-safe.
 *
 * @param start the first instant of the window, inclusive
 * @param end the instant the window ends and the quota resets, exclusive
 */
public record QuotaWindow(Instant start, Instant end) {
  /**
   * Validates the window.
   *
   * @throws NullPointerException if either bound is null
   * @throws IllegalArgumentException if {@code end} is not after {@code start}
   */
  public QuotaWindow {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (!end.isAfter(start)) {
      throw new IllegalArgumentException(
          "end must be after start, was start=" + start + " end=" + end);
    }
  }

  /** Returns whether {@code instant} lies in this window. */
  public boolean contains(Instant instant) {
    return !instant.isBefore(start) && instant.isBefore(end);
  }

  /** Returns the window's length: 23 or 25 hours for a daylight-saving day, for example. */
  public Duration length() {
    return Duration.between(start, end);
  }
}
