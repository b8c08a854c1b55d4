package dev.tdeveloper.distribution.health;

import dev.tdeveloper.distribution.region.RegionId;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The one {@link HealthView} routing uses: region status from {@link RegionHealth} (checks from
 * vantage points, operator overrides), endpoint availability from {@link OutlierDetector}, and the
 * operator's switch (the demo's admin endpoint marks a region down with {@link #forceDown}; the
 * events are {@link RegionHealth}'s, with cause {@link RegionHealthEvent.Cause#OPERATOR}).
 *
 * <p>Thread-safe, as its two parts are.
 */
public final class HealthMonitor implements HealthView {
  private final RegionHealth regions;
  private final OutlierDetector endpoints;

  private HealthMonitor(RegionHealth regions, OutlierDetector endpoints) {
    this.regions = Objects.requireNonNull(regions, "regions");
    this.endpoints = Objects.requireNonNull(endpoints, "endpoints");
  }

  /**
   * Combines region health and outlier ejection into one view.
   *
   * @param regions the region health monitor
   * @param endpoints the outlier detector
   * @return the view
   */
  public static HealthMonitor of(RegionHealth regions, OutlierDetector endpoints) {
    return new HealthMonitor(regions, endpoints);
  }

  /** Returns the region health monitor, to record health check results on. */
  public RegionHealth regions() {
    return regions;
  }

  /** Returns the outlier detector, to record responses on. */
  public OutlierDetector endpoints() {
    return endpoints;
  }

  @Override
  public boolean isHealthy(RegionId region) {
    return regions.isHealthy(region);
  }

  @Override
  public boolean isAvailable(RegionId region, String endpointId) {
    return endpoints.isAvailable(region, endpointId);
  }

  /**
   * Returns the sum of both parts' versions: both only grow, so the sum changes whenever either
   * does. Applies time-driven changes that are due.
   */
  @Override
  public long version() {
    return regions.version() + endpoints.version();
  }

  /**
   * Takes a region out of traffic whatever its checks say (see {@link RegionHealth#forceDown}).
   *
   * @param region the region
   */
  public void forceDown(RegionId region) {
    regions.forceDown(region);
  }

  /**
   * Keeps a region in traffic whatever its checks say (see {@link RegionHealth#forceUp}).
   *
   * @param region the region
   */
  public void forceUp(RegionId region) {
    regions.forceUp(region);
  }

  /**
   * Hands a region back to its checks (see {@link RegionHealth#release}).
   *
   * @param region the region
   */
  public void release(RegionId region) {
    regions.release(region);
  }

  /** Applies time-driven changes of both parts: holds elapsed, stale vantage points, returns. */
  public void refresh() {
    regions.refresh();
    endpoints.refresh();
  }

  /** Returns every monitored region's status, ordered by region id. */
  public List<RegionStatus> status() {
    return regions.status();
  }

  /**
   * Returns the ids of a region's ejected endpoints.
   *
   * @param region the region
   * @return the ejected endpoints, sorted
   */
  public Set<String> ejected(RegionId region) {
    return endpoints.ejected(region);
  }
}
