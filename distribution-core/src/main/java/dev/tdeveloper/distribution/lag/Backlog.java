package dev.tdeveloper.distribution.lag;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * The changes of one tenant (or of none) from one origin not yet applied by one receiver: their HLC
 * stamps by sequence, and since when the tenant's staleness SLO is breached. Not thread-safe:
 * callers hold this object's lock.
 */
final class Backlog {
  final TreeMap<Long, Long> stampBySequence = new TreeMap<>();
  final TreeMap<Long, Integer> stampCounts = new TreeMap<>();
  Instant breachedSince;

  void add(long sequence, long stamp) {
    if (stampBySequence.putIfAbsent(sequence, stamp) == null) {
      stampCounts.merge(stamp, 1, Integer::sum);
    }
  }

  void removeUpTo(long sequence) {
    Map<Long, Long> done = stampBySequence.headMap(sequence, true);
    for (Long stamp : done.values()) {
      stampCounts.computeIfPresent(stamp, (s, n) -> n == 1 ? null : n - 1);
    }
    done.clear();
  }

  long operations() {
    return stampBySequence.size();
  }

  /** Returns now minus the physical time of the oldest stamp (HLC: millis above 16 bits). */
  Duration lag(long nowMillis) {
    if (stampCounts.isEmpty()) {
      return Duration.ZERO;
    }
    long oldestMillis = stampCounts.firstKey() >>> 16;
    return Duration.ofMillis(Math.max(0, nowMillis - oldestMillis));
  }
}
