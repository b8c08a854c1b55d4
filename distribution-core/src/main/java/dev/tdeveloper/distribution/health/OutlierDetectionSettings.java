package dev.tdeveloper.distribution.health;

import static dev.tdeveloper.distribution.health.HealthCheckSettings.check;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@link OutlierDetector} ejects endpoints, after Envoy's consecutive-5xx outlier detection:
 *
 * <ul>
 *   <li>{@code consecutive5xx}: 5xx responses in a row that eject an endpoint; default {@value
 *       #DEFAULT_CONSECUTIVE_5XX}. Any other status resets the count.
 *   <li>{@code baseEjectionTime}: an ejection lasts this times the endpoint's ejection multiplier
 *       (1 at the first ejection, +1 at each next); default 30 s.
 *   <li>{@code maxEjectionTime}: the cap on one ejection; default 300 s, at least the base.
 *   <li>{@code maxEjectionPercent}: at most this share of a region's endpoints is ejected at once,
 *       rounded down, but one endpoint may always be ejected (Envoy's rule); default {@value
 *       #DEFAULT_MAX_EJECTION_PERCENT}.
 *   <li>{@code interval}: the multiplier drops by one for each full interval an endpoint spends
 *       back in the pool (Envoy's {@code interval}, whose sweep decrements it); default 10 s.
 * </ul>
 *
 * <p>Immutable and thread-safe.
 *
 * @param consecutive5xx 5xx responses in a row that eject an endpoint, 1 or more
 * @param baseEjectionTime the ejection time per multiplier step, positive
 * @param maxEjectionTime the longest ejection, at least {@code baseEjectionTime}
 * @param maxEjectionPercent the share of a region's endpoints ejected at once, 0 to 100
 * @param interval the time in the pool that takes one step off the multiplier, positive
 */
public record OutlierDetectionSettings(
    int consecutive5xx,
    Duration baseEjectionTime,
    Duration maxEjectionTime,
    int maxEjectionPercent,
    Duration interval) {
  /** Envoy's default for consecutive 5xx: {@value}. */
  public static final int DEFAULT_CONSECUTIVE_5XX = 5;

  /** Envoy's default for the ejected share, in percent: {@value}. */
  public static final int DEFAULT_MAX_EJECTION_PERCENT = 10;

  private static final OutlierDetectionSettings DEFAULTS =
      new OutlierDetectionSettings(
          DEFAULT_CONSECUTIVE_5XX,
          Duration.ofSeconds(30),
          Duration.ofSeconds(300),
          DEFAULT_MAX_EJECTION_PERCENT,
          Duration.ofSeconds(10));

  /**
   * Validates the settings.
   *
   * @throws IllegalArgumentException naming the field, the value and what is allowed
   */
  public OutlierDetectionSettings {
    Objects.requireNonNull(baseEjectionTime, "baseEjectionTime");
    Objects.requireNonNull(maxEjectionTime, "maxEjectionTime");
    Objects.requireNonNull(interval, "interval");
    check(consecutive5xx >= 1, "consecutive5xx", consecutive5xx, "1 or more");
    check(positive(baseEjectionTime), "baseEjectionTime", baseEjectionTime, "positive");
    check(
        maxEjectionTime.compareTo(baseEjectionTime) >= 0,
        "maxEjectionTime",
        maxEjectionTime,
        "at least baseEjectionTime (" + baseEjectionTime + ")");
    check(
        maxEjectionPercent >= 0 && maxEjectionPercent <= 100,
        "maxEjectionPercent",
        maxEjectionPercent,
        "0 to 100");
    check(positive(interval), "interval", interval, "positive");
  }

  /** Returns Envoy's defaults: 5 consecutive 5xx, 30 s base, 300 s max, 10%, 10 s interval. */
  public static OutlierDetectionSettings defaults() {
    return DEFAULTS;
  }

  /**
   * Returns these settings with another consecutive-5xx count.
   *
   * @param count 1 or more
   * @return the new settings
   */
  public OutlierDetectionSettings withConsecutive5xx(int count) {
    return new OutlierDetectionSettings(
        count, baseEjectionTime, maxEjectionTime, maxEjectionPercent, interval);
  }

  /**
   * Returns these settings with another ejection share.
   *
   * @param percent 0 to 100
   * @return the new settings
   */
  public OutlierDetectionSettings withMaxEjectionPercent(int percent) {
    return new OutlierDetectionSettings(
        consecutive5xx, baseEjectionTime, maxEjectionTime, percent, interval);
  }

  private static boolean positive(Duration d) {
    return !d.isNegative() && !d.isZero();
  }
}
