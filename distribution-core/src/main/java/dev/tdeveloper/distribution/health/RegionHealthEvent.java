package dev.tdeveloper.distribution.health;

import dev.tdeveloper.distribution.region.RegionId;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What {@link RegionHealth} and {@link OutlierDetector} report to their listeners: traffic moved
 * away from a region or back to it, a recovery cut short by a flap, an endpoint ejected or back.
 * Failover and failback carry the measured time from the first failing (recovering) result to the
 * moment the status changed, the figure an SLO on failover time is checked against.
 *
 * <p>Immutable and thread-safe.
 */
public sealed interface RegionHealthEvent {
  /** Returns the region concerned. */
  RegionId region();

  /** Returns when it happened. */
  Instant at();

  /** Why a region's status changed. */
  enum Cause {
    /** The health checks from the vantage points. */
    CHECKS,
    /** An operator forced the region down or up, or released the override. */
    OPERATOR
  }

  /**
   * The region stopped taking traffic.
   *
   * @param region the region
   * @param cause health checks or an operator
   * @param firstFailureAt the first failing result of this episode (equal to {@code at} when an
   *     operator forced it)
   * @param at when the status changed (traffic moved)
   * @param healthyVantagePoints vantage points that considered the region healthy
   * @param countedVantagePoints vantage points counted (not stale)
   */
  record RegionFailedOver(
      RegionId region,
      Cause cause,
      Instant firstFailureAt,
      Instant at,
      int healthyVantagePoints,
      int countedVantagePoints)
      implements RegionHealthEvent {
    /** Checks the fields are present. */
    public RegionFailedOver {
      Objects.requireNonNull(region, "region");
      Objects.requireNonNull(cause, "cause");
      Objects.requireNonNull(firstFailureAt, "firstFailureAt");
      Objects.requireNonNull(at, "at");
    }

    /** Returns the time from the first failing result to traffic moved. */
    public Duration detectionTime() {
      return Duration.between(firstFailureAt, at);
    }
  }

  /**
   * Traffic returned to the region.
   *
   * @param region the region
   * @param cause health checks or an operator
   * @param firstRecoveryAt the first result of the recovery that led here (equal to {@code at} when
   *     an operator forced it)
   * @param failedOverAt when the region had stopped taking traffic
   * @param at when traffic returned
   */
  record RegionFailedBack(
      RegionId region, Cause cause, Instant firstRecoveryAt, Instant failedOverAt, Instant at)
      implements RegionHealthEvent {
    /** Checks the fields are present. */
    public RegionFailedBack {
      Objects.requireNonNull(region, "region");
      Objects.requireNonNull(cause, "cause");
      Objects.requireNonNull(firstRecoveryAt, "firstRecoveryAt");
      Objects.requireNonNull(failedOverAt, "failedOverAt");
      Objects.requireNonNull(at, "at");
    }

    /** Returns the time from the first recovering result to traffic returned. */
    public Duration recoveryTime() {
      return Duration.between(firstRecoveryAt, at);
    }

    /** Returns how long the region took no traffic. */
    public Duration outage() {
      return Duration.between(failedOverAt, at);
    }
  }

  /**
   * A recovering region failed again before the failback hold time ran out, so traffic never
   * bounced back to it; the hold starts over at its next recovery.
   *
   * @param region the region
   * @param recoveringSince when the cut-short recovery started
   * @param at when it failed again
   */
  record RegionFlapSuppressed(RegionId region, Instant recoveringSince, Instant at)
      implements RegionHealthEvent {
    /** Checks the fields are present. */
    public RegionFlapSuppressed {
      Objects.requireNonNull(region, "region");
      Objects.requireNonNull(recoveringSince, "recoveringSince");
      Objects.requireNonNull(at, "at");
    }
  }

  /**
   * An endpoint was ejected as an outlier.
   *
   * @param region the endpoint's region
   * @param endpointId the endpoint
   * @param multiplier its ejection multiplier, this ejection included
   * @param duration how long it stays ejected
   * @param at when it was ejected
   */
  record EndpointEjected(
      RegionId region, String endpointId, int multiplier, Duration duration, Instant at)
      implements RegionHealthEvent {
    /** Checks the fields are present. */
    public EndpointEjected {
      Objects.requireNonNull(region, "region");
      Objects.requireNonNull(endpointId, "endpointId");
      Objects.requireNonNull(duration, "duration");
      Objects.requireNonNull(at, "at");
    }
  }

  /**
   * An ejected endpoint's time ran out; it takes traffic again.
   *
   * @param region the endpoint's region
   * @param endpointId the endpoint
   * @param at when its ejection ended
   */
  record EndpointReturned(RegionId region, String endpointId, Instant at)
      implements RegionHealthEvent {
    /** Checks the fields are present. */
    public EndpointReturned {
      Objects.requireNonNull(region, "region");
      Objects.requireNonNull(endpointId, "endpointId");
      Objects.requireNonNull(at, "at");
    }
  }
}
