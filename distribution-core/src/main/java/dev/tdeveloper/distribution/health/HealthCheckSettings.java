package dev.tdeveloper.distribution.health;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@link RegionHealth} turns health check results into a region status, after Amazon Route 53:
 *
 * <ul>
 *   <li>{@code requestInterval}: how often each vantage point checks, 10 s or 30 s (Route 53's only
 *       two intervals); default 30 s.
 *   <li>{@code failureThreshold}: consecutive results, 1 to 10, a vantage point needs before it
 *       changes its view of a region, in both directions; default {@value
 *       #DEFAULT_FAILURE_THRESHOLD}.
 *   <li>{@code healthyShare}: a region is healthy when <em>more</em> than this share of the vantage
 *       points counted consider it healthy; default {@value #DEFAULT_HEALTHY_SHARE} (Route 53's
 *       18%: 1 of 6 is 16.7%, unhealthy; 2 of 6 is 33%, healthy).
 *   <li>{@code staleAfterIntervals}: a vantage point that has not reported for this many intervals
 *       is no longer counted; default {@value #DEFAULT_STALE_AFTER_INTERVALS}.
 *   <li>{@code failbackHold}: hysteresis; a region that recovered must stay healthy this long
 *       before traffic returns to it; default 60 s, zero to fail back at once.
 * </ul>
 *
 * <p>Immutable and thread-safe.
 *
 * @param requestInterval the interval between checks from one vantage point: 10 s or 30 s
 * @param failureThreshold consecutive results that change a vantage point's view, 1 to 10
 * @param healthyShare the share of vantage points that must be exceeded, 0 (inclusive) to 1
 * @param staleAfterIntervals intervals without a report after which a vantage point is not counted,
 *     1 or more
 * @param failbackHold how long a recovered region must stay healthy before traffic returns, zero or
 *     more
 */
public record HealthCheckSettings(
    Duration requestInterval,
    int failureThreshold,
    double healthyShare,
    int staleAfterIntervals,
    Duration failbackHold) {
  /** The default failure threshold: {@value}, as in Route 53. */
  public static final int DEFAULT_FAILURE_THRESHOLD = 3;

  /** The default healthy share: {@value}, Route 53's 18%. */
  public static final double DEFAULT_HEALTHY_SHARE = 0.18;

  /** The default staleness, in request intervals: {@value}. */
  public static final int DEFAULT_STALE_AFTER_INTERVALS = 3;

  private static final Duration FAST = Duration.ofSeconds(10);
  private static final Duration STANDARD = Duration.ofSeconds(30);
  private static final HealthCheckSettings DEFAULTS = builder().build();

  /**
   * Validates the settings.
   *
   * @throws IllegalArgumentException naming the field, the value and what is allowed
   */
  public HealthCheckSettings {
    Objects.requireNonNull(requestInterval, "requestInterval");
    Objects.requireNonNull(failbackHold, "failbackHold");
    check(
        requestInterval.equals(FAST) || requestInterval.equals(STANDARD),
        "requestInterval",
        requestInterval,
        "PT10S or PT30S (Route 53's intervals)");
    check(
        failureThreshold >= 1 && failureThreshold <= 10,
        "failureThreshold",
        failureThreshold,
        "1 to 10");
    check(
        healthyShare >= 0 && healthyShare < 1,
        "healthyShare",
        healthyShare,
        "0 (inclusive) to 1 (exclusive)");
    check(staleAfterIntervals >= 1, "staleAfterIntervals", staleAfterIntervals, "1 or more");
    check(!failbackHold.isNegative(), "failbackHold", failbackHold, "zero or more");
  }

  /** Returns the default settings (30 s, threshold 3, share 0.18, stale after 3, hold 60 s). */
  public static HealthCheckSettings defaults() {
    return DEFAULTS;
  }

  /** Returns a builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns how long a vantage point may stay silent and still be counted. */
  public Duration staleAfter() {
    return requestInterval.multipliedBy(staleAfterIntervals);
  }

  static void check(boolean ok, String field, Object value, String allowed) {
    if (!ok) {
      throw new IllegalArgumentException(field + " is " + value + "; allowed: " + allowed);
    }
  }

  /**
   * Builds {@link HealthCheckSettings}; each setting may be set once. Not thread-safe.
   *
   * <p>Setters validate at once ({@link IllegalArgumentException}); setting one twice throws {@link
   * IllegalStateException}.
   */
  public static final class Builder {
    private Duration requestInterval;
    private Integer failureThreshold;
    private Double healthyShare;
    private Integer staleAfterIntervals;
    private Duration failbackHold;

    private Builder() {}

    /**
     * Sets the request interval (default 30 s).
     *
     * @param interval 10 s or 30 s
     * @return this builder
     */
    public Builder requestInterval(Duration interval) {
      Objects.requireNonNull(interval, "interval");
      once(requestInterval, "requestInterval");
      this.requestInterval = interval;
      return this;
    }

    /**
     * Sets the failure threshold (default {@value #DEFAULT_FAILURE_THRESHOLD}).
     *
     * @param threshold 1 to 10
     * @return this builder
     */
    public Builder failureThreshold(int threshold) {
      once(failureThreshold, "failureThreshold");
      this.failureThreshold = threshold;
      return this;
    }

    /**
     * Sets the healthy share (default {@value #DEFAULT_HEALTHY_SHARE}).
     *
     * @param share 0 (inclusive) to 1 (exclusive)
     * @return this builder
     */
    public Builder healthyShare(double share) {
      once(healthyShare, "healthyShare");
      this.healthyShare = share;
      return this;
    }

    /**
     * Sets after how many silent intervals a vantage point is not counted (default {@value
     * #DEFAULT_STALE_AFTER_INTERVALS}).
     *
     * @param intervals 1 or more
     * @return this builder
     */
    public Builder staleAfterIntervals(int intervals) {
      once(staleAfterIntervals, "staleAfterIntervals");
      this.staleAfterIntervals = intervals;
      return this;
    }

    /**
     * Sets the failback hold time (default 60 s).
     *
     * @param hold zero or more
     * @return this builder
     */
    public Builder failbackHold(Duration hold) {
      Objects.requireNonNull(hold, "hold");
      once(failbackHold, "failbackHold");
      this.failbackHold = hold;
      return this;
    }

    /**
     * Returns the settings.
     *
     * @return the validated settings
     * @throws IllegalArgumentException if a value is out of range
     */
    public HealthCheckSettings build() {
      return new HealthCheckSettings(
          requestInterval == null ? STANDARD : requestInterval,
          failureThreshold == null ? DEFAULT_FAILURE_THRESHOLD : failureThreshold,
          healthyShare == null ? DEFAULT_HEALTHY_SHARE : healthyShare,
          staleAfterIntervals == null ? DEFAULT_STALE_AFTER_INTERVALS : staleAfterIntervals,
          failbackHold == null ? Duration.ofSeconds(60) : failbackHold);
    }

    private static void once(Object current, String field) {
      if (current != null) {
        throw new IllegalStateException(field + " was already set to " + current);
      }
    }
  }
}
