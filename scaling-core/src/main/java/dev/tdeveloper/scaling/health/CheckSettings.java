package dev.tdeveloper.scaling.health;

import java.time.Duration;
import java.util.Objects;

/**
 * How the registry runs one check: its timeout, how long a result is reused, and how much it weighs
 * in its groups. Immutable and thread-safe.
 *
 * @param timeout how long a run may take before it counts as {@link HealthStatus#DOWN} ("timed out
 *     after X ms") and is interrupted; 1 ms to 1 hour
 * @param cacheTtl how long a result is served again without running the check, measured from the
 *     end of the run; 0 (no reuse; concurrent callers still share one run) to 1 hour
 * @param criticality how the check weighs in its groups
 */
public record CheckSettings(Duration timeout, Duration cacheTtl, Criticality criticality) {
  /** The default timeout: 5 seconds. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

  private static final Duration MAX = Duration.ofHours(1);

  /**
   * Validates the settings.
   *
   * @throws NullPointerException naming the null member
   * @throws IllegalArgumentException naming the value out of range and the allowed range
   */
  public CheckSettings {
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(cacheTtl, "cacheTtl");
    Objects.requireNonNull(criticality, "criticality");
    if (timeout.compareTo(Duration.ofMillis(1)) < 0 || timeout.compareTo(MAX) > 0) {
      throw new IllegalArgumentException(
          "timeout: " + timeout + " is out of range; allowed: PT0.001S to PT1H");
    }
    if (cacheTtl.isNegative() || cacheTtl.compareTo(MAX) > 0) {
      throw new IllegalArgumentException(
          "cacheTtl: " + cacheTtl + " is out of range; allowed: PT0S to PT1H");
    }
  }

  /**
   * The defaults: a {@link #DEFAULT_TIMEOUT} timeout, no caching, {@link Criticality#CRITICAL}.
   *
   * @return the default settings
   */
  public static CheckSettings defaults() {
    return new CheckSettings(DEFAULT_TIMEOUT, Duration.ZERO, Criticality.CRITICAL);
  }

  /**
   * A copy with another timeout.
   *
   * @param timeout 1 ms to 1 hour
   * @return the new settings
   */
  public CheckSettings withTimeout(Duration timeout) {
    return new CheckSettings(timeout, cacheTtl, criticality);
  }

  /**
   * A copy with another cache time-to-live.
   *
   * @param cacheTtl 0 to 1 hour
   * @return the new settings
   */
  public CheckSettings withCacheTtl(Duration cacheTtl) {
    return new CheckSettings(timeout, cacheTtl, criticality);
  }

  /**
   * A copy with another criticality.
   *
   * @param criticality the weight in groups
   * @return the new settings
   */
  public CheckSettings withCriticality(Criticality criticality) {
    return new CheckSettings(timeout, cacheTtl, criticality);
  }
}
