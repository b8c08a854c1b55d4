package dev.tdeveloper.tenancy.usage;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a meter measures and how: its name, its {@link Aggregation}, the length of its windows and
 * the grace period during which late events are still accepted into a window.
 *
 * <p>Windows are fixed, of {@code window} length, and aligned to the Unix epoch in UTC: a window
 * starts at every multiple of its length since {@code 1970-01-01T00:00:00Z}, so hourly windows
 * start on the hour and daily windows at midnight UTC. Calendar months (of varying length) are not
 * windows on purpose: export hourly or daily windows and let the billing system sum them over its
 * billing period. The window length is a whole number of seconds from {@value #MIN_WINDOW_SECONDS}
 * second to {@value #MAX_WINDOW_SECONDS} seconds (366 days).
 *
 * <p>A window {@code [start, end)} accepts events until {@code end + grace} (its <em>grace
 * end</em>); after that it is closed, its value is final, and the idempotency keys remembered for
 * it are forgotten. A longer grace tolerates later events but keeps more keys in memory.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name the meter name, a token as described in {@link UsageEvent}
 * @param aggregation how events are combined
 * @param window the window length; whole seconds
 * @param grace how long after a window ends late events are still accepted; zero or more
 * @param uniqueDimension the dimension counted by {@link Aggregation#UNIQUE_COUNT}; present exactly
 *     when the aggregation is {@code UNIQUE_COUNT}
 */
public record MeterDefinition(
    String name,
    Aggregation aggregation,
    Duration window,
    Duration grace,
    Optional<String> uniqueDimension) {
  /** The shortest window, in seconds: {@value}. */
  public static final long MIN_WINDOW_SECONDS = 1;

  /** The longest window, in seconds: {@value} (366 days). */
  public static final long MAX_WINDOW_SECONDS = 366L * 24 * 3600;

  /**
   * Validates a definition.
   *
   * @throws NullPointerException naming the null component
   * @throws IllegalArgumentException naming the field, its value and what is allowed
   */
  public MeterDefinition {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(aggregation, "aggregation");
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(grace, "grace");
    Objects.requireNonNull(uniqueDimension, "uniqueDimension");
    UsageEvent.checkMeterName(name);
    if (window.getNano() != 0
        || window.getSeconds() < MIN_WINDOW_SECONDS
        || window.getSeconds() > MAX_WINDOW_SECONDS) {
      throw new IllegalArgumentException(
          "window of meter '"
              + name
              + "' must be a whole number of seconds from 1s to 366 days, was "
              + window);
    }
    if (grace.isNegative()) {
      throw new IllegalArgumentException(
          "grace of meter '" + name + "' must not be negative, was " + grace);
    }
    if (aggregation == Aggregation.UNIQUE_COUNT) {
      String dimension =
          uniqueDimension.orElseThrow(
              () ->
                  new IllegalArgumentException(
                      "meter '" + name + "' aggregates UNIQUE_COUNT but names no uniqueDimension"));
      if (Checks.tokenProblem(dimension, UsageEvent.MAX_TOKEN_LENGTH) != null) {
        throw new IllegalArgumentException(
            "uniqueDimension of meter '"
                + name
                + "' is not a valid dimension key: "
                + Checks.quote(dimension));
      }
    } else if (uniqueDimension.isPresent()) {
      throw new IllegalArgumentException(
          "meter '"
              + name
              + "' aggregates "
              + aggregation
              + " but names uniqueDimension '"
              + uniqueDimension.get()
              + "' (allowed only with UNIQUE_COUNT)");
    }
  }

  /**
   * Defines a meter with an aggregation other than {@link Aggregation#UNIQUE_COUNT}.
   *
   * @throws IllegalArgumentException if {@code aggregation} is {@code UNIQUE_COUNT} (use {@link
   *     #uniqueCount}) or another argument is invalid
   */
  public static MeterDefinition of(
      String name, Aggregation aggregation, Duration window, Duration grace) {
    return new MeterDefinition(name, aggregation, window, grace, Optional.empty());
  }

  /** Defines a meter counting the distinct values of {@code dimension} per window. */
  public static MeterDefinition uniqueCount(
      String name, String dimension, Duration window, Duration grace) {
    Objects.requireNonNull(dimension, "dimension");
    return new MeterDefinition(
        name, Aggregation.UNIQUE_COUNT, window, grace, Optional.of(dimension));
  }

  /** Returns the start of the window holding {@code eventTime}. */
  public Instant windowStart(Instant eventTime) {
    long length = window.getSeconds();
    return Instant.ofEpochSecond(Math.floorDiv(eventTime.getEpochSecond(), length) * length);
  }

  /** Returns whether {@code instant} is the start of a window of this meter. */
  public boolean isWindowStart(Instant instant) {
    return instant.getNano() == 0
        && Math.floorMod(instant.getEpochSecond(), window.getSeconds()) == 0;
  }

  /** Returns the end (exclusive) of the window starting at {@code windowStart}. */
  public Instant windowEnd(Instant windowStart) {
    return windowStart.plus(window);
  }

  /** Returns when the window starting at {@code windowStart} closes: its end plus the grace. */
  public Instant graceEnd(Instant windowStart) {
    return windowStart.plus(window).plus(grace);
  }
}
