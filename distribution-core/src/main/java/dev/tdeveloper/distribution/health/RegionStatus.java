package dev.tdeveloper.distribution.health;

import dev.tdeveloper.distribution.region.RegionId;
import java.util.Objects;

/**
 * A region's health as {@link RegionHealth} sees it now, for dashboards such as the demo's {@code
 * /ops} page.
 *
 * <p>Immutable and thread-safe.
 *
 * @param region the region
 * @param healthy whether it takes traffic (the override applied)
 * @param state what the health checks say
 * @param override what an operator forced, if anything
 * @param healthyVantagePoints vantage points that consider it healthy, stale ones left out
 * @param countedVantagePoints vantage points counted, stale ones left out
 */
public record RegionStatus(
    RegionId region,
    boolean healthy,
    State state,
    OperatorOverride override,
    int healthyVantagePoints,
    int countedVantagePoints) {
  /** Checks the fields are present. */
  public RegionStatus {
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(override, "override");
  }

  /** What the health checks say about a region. */
  public enum State {
    /** Healthy: it takes traffic. */
    HEALTHY,
    /** Unhealthy: traffic failed over. */
    UNHEALTHY,
    /** Healthy again, waiting out the failback hold before traffic returns. */
    RECOVERING
  }

  /** What an operator forced. */
  public enum OperatorOverride {
    /** Nothing: the checks decide. */
    NONE,
    /** Out of traffic whatever the checks say. */
    FORCED_DOWN,
    /** In traffic whatever the checks say. */
    FORCED_UP
  }
}
