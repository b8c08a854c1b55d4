package dev.tdeveloper.distribution.lag;

import dev.tdeveloper.distribution.region.RegionId;
import dev.tdeveloper.tenancy.TenantId;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One (origin, receiver) pair's state: the highest sequence applied (cumulative) and a {@link
 * Backlog} per tenant. Not thread-safe: guarded by the monitor's lock.
 */
final class PairBacklogs {
  long appliedUpTo;
  final Map<Optional<TenantId>, Backlog> backlogs = new HashMap<>();

  /** Returns the pair's lag over every tenant: operations summed, time the largest. */
  static PairLag lag(RegionId origin, RegionId receiver, PairBacklogs state, long now) {
    long operations = 0;
    Duration lag = Duration.ZERO;
    if (state != null) {
      for (Backlog backlog : state.backlogs.values()) {
        operations += backlog.operations();
        Duration l = backlog.lag(now);
        lag = l.compareTo(lag) > 0 ? l : lag;
      }
    }
    return new PairLag(origin, receiver, operations, lag);
  }
}
