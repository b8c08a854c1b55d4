package dev.tdeveloper.distribution.lag;

import dev.tdeveloper.distribution.region.RegionId;
import java.time.Duration;
import java.util.Objects;

/**
 * The replication lag from one region to another, over every tenant (and changes of no tenant).
 * Immutable.
 *
 * @param origin the region changes come from
 * @param receiver the region that applies them
 * @param operations changes published to {@code receiver} and not yet applied there
 * @param lag now minus the HLC stamp of the oldest of those changes; zero when caught up
 */
public record PairLag(RegionId origin, RegionId receiver, long operations, Duration lag) {
  /** Checks the values. */
  public PairLag {
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(receiver, "receiver");
    Objects.requireNonNull(lag, "lag");
    if (operations < 0 || lag.isNegative()) {
      throw new IllegalArgumentException(
          "lag of " + operations + " operations and " + lag + " is invalid; allowed: 0+");
    }
  }
}
