package dev.tdeveloper.distribution.health;

import dev.tdeveloper.distribution.region.RegionId;
import java.time.Instant;
import java.util.Objects;

/**
 * One health check of a region from one vantage point (a Route 53 health checker location, a probe
 * in another region, a synthetic monitor).
 *
 * <p>Immutable and thread-safe.
 *
 * @param region the region checked
 * @param vantagePoint where the check ran from: 1 to 63 characters, non-blank
 * @param healthy whether the check passed
 * @param time when the check ran
 */
public record HealthCheckResult(
    RegionId region, String vantagePoint, boolean healthy, Instant time) {
  /**
   * Validates the result.
   *
   * @throws IllegalArgumentException if the vantage point is blank or longer than 63 characters
   */
  public HealthCheckResult {
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(vantagePoint, "vantagePoint");
    Objects.requireNonNull(time, "time");
    if (vantagePoint.isBlank() || vantagePoint.length() > 63) {
      throw new IllegalArgumentException(
          "vantagePoint '"
              + (vantagePoint.length() > 80 ? vantagePoint.substring(0, 80) + "..." : vantagePoint)
              + "' is invalid; allowed: 1 to 63 characters, not blank");
    }
  }
}
