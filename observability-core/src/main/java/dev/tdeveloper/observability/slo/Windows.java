package dev.tdeveloper.observability.slo;

import java.time.Duration;
import java.util.Objects;

/**
 * The rules for windows the {@link SliRecorder} can answer: up to {@link #FINE_SPAN} in whole
 * minutes (minute buckets), beyond it in whole hours (hour buckets). Stateless.
 */
final class Windows {
  /** The span of the minute buckets: windows up to this long have minute resolution. */
  static final Duration FINE_SPAN = Duration.ofHours(6);

  static final long MINUTE_MS = 60_000L;
  static final long HOUR_MS = 3_600_000L;

  static final String ALLOWED =
      "1 minute to 6 hours in whole minutes, or above 6 hours in whole hours";

  private Windows() {}

  /** Returns what is wrong with {@code window} as a query window, or null when it is valid. */
  static String problem(Duration window) {
    Objects.requireNonNull(window, "window");
    if (window.isNegative() || window.isZero()) {
      return "must be positive";
    }
    if (window.compareTo(FINE_SPAN) <= 0) {
      return window.toMillis() % MINUTE_MS == 0 && window.toNanos() % 1_000_000 == 0
          ? null
          : "must be whole minutes when at most 6 hours";
    }
    return window.toNanos() % (HOUR_MS * 1_000_000) == 0
        ? null
        : "must be whole hours when longer than 6 hours";
  }

  /**
   * Checks {@code window} for the field {@code field}.
   *
   * @throws IllegalArgumentException naming the field, the value and what is allowed
   */
  static Duration check(String field, Duration window) {
    String problem = problem(Objects.requireNonNull(window, field));
    if (problem != null) {
      throw new IllegalArgumentException(
          field + ": " + format(window) + " " + problem + "; allowed: " + ALLOWED);
    }
    return window;
  }

  /** Formats a duration the short way Prometheus does: {@code 30d}, {@code 6h}, {@code 5m}. */
  static String format(Duration d) {
    long s = d.getSeconds();
    if (d.getNano() != 0 || s <= 0) {
      return d.toString();
    }
    if (s % 86_400 == 0) {
      return s / 86_400 + "d";
    }
    if (s % 3_600 == 0) {
      return s / 3_600 + "h";
    }
    if (s % 60 == 0) {
      return s / 60 + "m";
    }
    return s + "s";
  }

  /**
   * Scales {@code d} by {@code ratio}, rounded to whole minutes up to 6 hours and to whole hours
   * beyond (at least one minute, or zero when {@code d} is zero).
   */
  static Duration scale(Duration d, double ratio) {
    if (d.isZero()) {
      return d;
    }
    double minutes = d.toMillis() / (double) MINUTE_MS * ratio;
    long m = Math.max(1, Math.round(minutes));
    if (m <= FINE_SPAN.toMinutes()) {
      return Duration.ofMinutes(m);
    }
    return Duration.ofHours(Math.max(7, Math.round(minutes / 60)));
  }
}
