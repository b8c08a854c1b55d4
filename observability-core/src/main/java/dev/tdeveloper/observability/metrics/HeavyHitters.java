package dev.tdeveloper.observability.metrics;

import dev.tdeveloper.tenancy.TenantId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Weighted Misra-Gries ("Frequent") counting of tenants' traffic in at most {@code capacity}
 * counters: a tenant whose share of the traffic exceeds {@code 1 / (capacity + 1)} always holds a
 * counter, and every count underestimates the true one by at most {@code total / (capacity + 1)}.
 *
 * <p>A tenant that holds a counter is counted lock-free without allocating; a new tenant takes the
 * lock. When the table is full, every counter is lowered by the smallest one (up to the new weight)
 * and the counters reaching zero are dropped: that pass costs {@code O(capacity)} but removes at
 * least {@code capacity} units, so its cost is amortised over the units that were added. An
 * increment racing a drop of its counter may be lost: counts are estimates by design.
 */
final class HeavyHitters {
  private final int capacity;
  private final ConcurrentHashMap<TenantId, AtomicLong> counters;

  HeavyHitters(int capacity) {
    this.capacity = capacity;
    this.counters = new ConcurrentHashMap<>(capacity * 2);
  }

  /** Counts {@code weight} (at least 1) units of traffic for {@code tenant}. */
  void add(TenantId tenant, long weight) {
    AtomicLong counter = counters.get(tenant);
    if (counter != null) {
      counter.addAndGet(weight);
      return;
    }
    synchronized (this) {
      insert(tenant, weight);
    }
  }

  private void insert(TenantId tenant, long weight) {
    AtomicLong counter = counters.get(tenant);
    if (counter != null) {
      counter.addAndGet(weight);
      return;
    }
    if (counters.size() < capacity) {
      counters.put(tenant, new AtomicLong(weight));
      return;
    }
    long min = Long.MAX_VALUE;
    for (AtomicLong c : counters.values()) {
      min = Math.min(min, c.get());
    }
    long lowered = Math.min(weight, Math.max(min, 1));
    for (Map.Entry<TenantId, AtomicLong> e : counters.entrySet()) {
      if (e.getValue().addAndGet(-lowered) <= 0) {
        counters.remove(e.getKey(), e.getValue());
      }
    }
    long rest = weight - lowered;
    if (rest > 0 && counters.size() < capacity) {
      counters.put(tenant, new AtomicLong(rest));
    }
  }

  /** Divides every count by {@code 2^halvings}, dropping the counters that reach zero. */
  synchronized void decay(int halvings) {
    if (halvings <= 0) {
      return;
    }
    int shift = Math.min(halvings, 63);
    for (Map.Entry<TenantId, AtomicLong> e : counters.entrySet()) {
      if (e.getValue().updateAndGet(v -> v >> shift) <= 0) {
        counters.remove(e.getKey(), e.getValue());
      }
    }
  }

  /** Returns the estimated count of {@code tenant}, 0 when it holds no counter. */
  long estimate(TenantId tenant) {
    AtomicLong counter = counters.get(tenant);
    return counter == null ? 0 : Math.max(counter.get(), 0);
  }

  /** Returns a copy of the counters with a positive count, in no particular order. */
  synchronized List<Map.Entry<TenantId, Long>> entries() {
    List<Map.Entry<TenantId, Long>> copy = new ArrayList<>(counters.size());
    counters.forEach(
        (tenant, count) -> {
          long value = count.get();
          if (value > 0) {
            copy.add(Map.entry(tenant, value));
          }
        });
    return copy;
  }

  /** Returns how many counters are held (at most the capacity). */
  int size() {
    return counters.size();
  }
}
