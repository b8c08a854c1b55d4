package dev.tdeveloper.distribution.health;

import dev.tdeveloper.distribution.region.RegionId;

/**
 * What routing needs to know about health: whether a region takes traffic and whether one of its
 * endpoints is ejected. {@link #version()} changes whenever any answer may have changed, so a
 * router can cache decisions and drop them when health moves.
 *
 * <p>Implementations are thread-safe and answer without blocking.
 */
public interface HealthView {
  /**
   * Returns whether the region takes traffic.
   *
   * @param region the region
   * @return true when healthy (or not monitored)
   */
  boolean isHealthy(RegionId region);

  /**
   * Returns whether an endpoint takes traffic (it is not ejected as an outlier).
   *
   * @param region the endpoint's region
   * @param endpointId the endpoint's id
   * @return true when available
   */
  boolean isAvailable(RegionId region, String endpointId);

  /** Returns a number that changes whenever any answer of this view may have changed. */
  long version();

  /** Returns the view in which every region and endpoint is healthy, forever. */
  static HealthView allHealthy() {
    return AllHealthy.INSTANCE;
  }

  /** The view of {@link #allHealthy()}. */
  enum AllHealthy implements HealthView {
    /** The one instance. */
    INSTANCE;

    @Override
    public boolean isHealthy(RegionId region) {
      return true;
    }

    @Override
    public boolean isAvailable(RegionId region, String endpointId) {
      return true;
    }

    @Override
    public long version() {
      return 0;
    }
  }
}
