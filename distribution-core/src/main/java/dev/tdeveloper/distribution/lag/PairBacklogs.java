package dev.tdeveloper.distribution.lag;

import dev.tdeveloper.distribution.region.RegionId;
import dev.tdeveloper.tenancy.TenantId;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One (origin, receiver) pair's state: the highest sequence applied (cumulative) and a {@link
 * Backlog} per tenant. The mark is written by appliers holding this object's lock and read by
 * publishers holding a backlog's lock; each backlog is guarded by its own lock.
 */
final class PairBacklogs {
  volatile long appliedUpTo;
  final ConcurrentHashMap<Optional<TenantId>, Backlog> backlogs = new ConcurrentHashMap<>();

  /** Returns {@code tenant}'s backlog, created empty on first use. */
  Backlog backlog(Optional<TenantId> tenant) {
    Backlog backlog = backlogs.get(tenant);
    return backlog != null ? backlog : backlogs.computeIfAbsent(tenant, t -> new Backlog());
  }

  /** Returns the pair's lag over every tenant: operations summed, time the largest. */
  static PairLag lag(RegionId origin, RegionId receiver, PairBacklogs state, long now) {
    long operations = 0;
    Duration lag = Duration.ZERO;
    if (state != null) {
      for (Backlog backlog : state.backlogs.values()) {
        Duration l;
        synchronized (backlog) {
          operations += backlog.operations();
          l = backlog.lag(now);
        }
        lag = l.compareTo(lag) > 0 ? l : lag;
      }
    }
    return new PairLag(origin, receiver, operations, lag);
  }
}
