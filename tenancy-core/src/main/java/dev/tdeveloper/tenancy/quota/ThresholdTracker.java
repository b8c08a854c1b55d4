package dev.tdeveloper.tenancy.quota;

import dev.tdeveloper.tenancy.spi.QuotaKey;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers which thresholds have fired in which windows, so a refund followed by new consumption
 * does not fire the same threshold twice in one window. Entries of ended windows are swept when the
 * map doubles in size, so memory stays bounded by the live windows. Thread-safe.
 */
final class ThresholdTracker {
  private static final long MIN_SWEEP_SIZE = 1_024;

  private final ConcurrentHashMap<QuotaKey, Fired> fired = new ConcurrentHashMap<>();
  private volatile long sweepAt = MIN_SWEEP_SIZE;

  /**
   * Records that threshold {@code bit} fired in the window of {@code key}; returns whether it had
   * not fired there before.
   */
  boolean markFirst(QuotaKey key, int bit, Instant windowEnd, Instant now) {
    boolean[] first = new boolean[1];
    fired.compute(
        key,
        (k, old) -> {
          int mask = old == null ? 0 : old.mask();
          if ((mask & bit) != 0) {
            return old;
          }
          first[0] = true;
          return new Fired(windowEnd, mask | bit);
        });
    if (fired.mappingCount() >= sweepAt) {
      for (Map.Entry<QuotaKey, Fired> entry : fired.entrySet()) {
        if (!entry.getValue().windowEnd().isAfter(now)) {
          fired.remove(entry.getKey(), entry.getValue());
        }
      }
      sweepAt = Math.max(MIN_SWEEP_SIZE, 2 * fired.mappingCount());
    }
    return first[0];
  }

  /** Returns how many windows are remembered; for tests. */
  long size() {
    return fired.mappingCount();
  }

  private record Fired(Instant windowEnd, int mask) {}
}
