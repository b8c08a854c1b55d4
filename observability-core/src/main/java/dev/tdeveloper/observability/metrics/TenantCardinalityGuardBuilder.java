package dev.tdeveloper.observability.metrics;

import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;

/**
 * Configures a {@link TenantCardinalityGuard}; each setting may be given once. Not thread-safe;
 * {@link #build()} copies the settings, so a built guard never changes.
 */
public final class TenantCardinalityGuardBuilder {
  /** The most tenants that may keep their own tag value: {@value}. */
  public static final int MAX_TOP_TENANTS = 10_000;

  /** The most tenants whose traffic is counted: {@value}. */
  public static final int MAX_TRACKED_TENANTS = 1_000_000;

  private Integer topTenants;
  private Integer trackedTenants;
  private Duration rerankInterval;
  private InstantSource clock;

  TenantCardinalityGuardBuilder() {}

  /**
   * Sets {@code N}, the number of tenants that keep their own tag value; default {@value
   * TenantCardinalityGuard#DEFAULT_TOP_TENANTS}.
   *
   * @throws IllegalArgumentException if {@code n} is outside 1..{@value #MAX_TOP_TENANTS}
   * @throws IllegalStateException if already set
   */
  public TenantCardinalityGuardBuilder topTenants(int n) {
    once(topTenants, "topTenants");
    if (n < 1 || n > MAX_TOP_TENANTS) {
      throw new IllegalArgumentException(
          "topTenants: " + n + " is out of range; allowed: 1.." + MAX_TOP_TENANTS);
    }
    topTenants = n;
    return this;
  }

  /**
   * Sets how many tenants' traffic is counted (the heavy-hitter counters); default ten times {@code
   * topTenants}. More counters rank more accurately when traffic is spread thin.
   *
   * @throws IllegalArgumentException if {@code n} is outside 1..{@value #MAX_TRACKED_TENANTS}
   * @throws IllegalStateException if already set
   */
  public TenantCardinalityGuardBuilder trackedTenants(int n) {
    once(trackedTenants, "trackedTenants");
    if (n < 1 || n > MAX_TRACKED_TENANTS) {
      throw new IllegalArgumentException(
          "trackedTenants: " + n + " is out of range; allowed: 1.." + MAX_TRACKED_TENANTS);
    }
    trackedTenants = n;
    return this;
  }

  /**
   * Sets how often tenants are re-ranked, which is also the half-life of their traffic counts;
   * default one minute.
   *
   * @throws IllegalArgumentException if {@code interval} is under one second
   * @throws IllegalStateException if already set
   */
  public TenantCardinalityGuardBuilder rerankInterval(Duration interval) {
    once(rerankInterval, "rerankInterval");
    Objects.requireNonNull(interval, "interval");
    if (interval.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException(
          "rerankInterval: " + interval + " is too short; allowed: >= PT1S");
    }
    rerankInterval = interval;
    return this;
  }

  /**
   * Sets the clock that schedules re-ranks; default the system clock.
   *
   * @throws IllegalStateException if already set
   */
  public TenantCardinalityGuardBuilder clock(InstantSource clock) {
    once(this.clock, "clock");
    this.clock = Objects.requireNonNull(clock, "clock");
    return this;
  }

  /**
   * Builds the guard.
   *
   * @throws IllegalStateException if {@code trackedTenants} is below {@code topTenants}
   */
  public TenantCardinalityGuard build() {
    int top = topTenants == null ? TenantCardinalityGuard.DEFAULT_TOP_TENANTS : topTenants;
    int tracked =
        trackedTenants == null ? (int) Math.min(10L * top, MAX_TRACKED_TENANTS) : trackedTenants;
    if (tracked < top) {
      throw new IllegalStateException(
          "trackedTenants: " + tracked + " is below topTenants " + top + "; allowed: >= " + top);
    }
    return new TenantCardinalityGuard(
        top,
        tracked,
        rerankInterval == null ? TenantCardinalityGuard.DEFAULT_RERANK_INTERVAL : rerankInterval,
        clock == null ? InstantSource.system() : clock);
  }

  private static void once(Object current, String name) {
    if (current != null) {
      throw new IllegalStateException(name + " was already set");
    }
  }
}
