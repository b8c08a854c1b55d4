package dev.tdeveloper.security.shield;

import java.util.function.Consumer;

/**
 * One stripe of a {@link HeavyHitterDetector}: a ring of Space-Saving buckets, one per time bucket.
 * Not thread-safe: callers hold the stripe's monitor.
 */
final class Stripe<K> {
  private final SpaceSaving<K>[] ring;

  Stripe(int buckets, int capacity) {
    @SuppressWarnings("unchecked")
    SpaceSaving<K>[] array = (SpaceSaving<K>[]) new SpaceSaving<?>[buckets];
    for (int i = 0; i < buckets; i++) {
      array[i] = new SpaceSaving<>(capacity);
    }
    this.ring = array;
  }

  /**
   * Counts {@code key} (of {@link SpaceSaving#hash} {@code hash}) in bucket {@code epoch}; returns
   * its guaranteed count in the window.
   */
  long record(K key, int hash, long epoch) {
    SpaceSaving<K> current = ring[Math.floorMod(epoch, ring.length)];
    if (current.epoch < epoch) {
      current.clear();
      current.epoch = epoch;
    }
    SpaceSaving.Counter<K> counter = current.offer(key, hash);
    if (counter.count - counter.error == 1) {
      long previous = 0;
      for (SpaceSaving<K> bucket : ring) {
        if (bucket != current && isLive(bucket, epoch)) {
          SpaceSaving.Counter<K> older = bucket.get(key, hash);
          if (older != null) {
            previous += older.count - older.error;
          }
        }
      }
      counter.previous = previous;
    }
    return counter.previous + counter.count - counter.error;
  }

  /** Calls {@code action} with each bucket inside the window ending at bucket {@code epoch}. */
  void forLive(long epoch, Consumer<SpaceSaving<K>> action) {
    for (SpaceSaving<K> bucket : ring) {
      if (isLive(bucket, epoch)) {
        action.accept(bucket);
      }
    }
  }

  void remove(K key, int hash) {
    for (SpaceSaving<K> bucket : ring) {
      bucket.remove(key, hash);
    }
  }

  int size() {
    int total = 0;
    for (SpaceSaving<K> bucket : ring) {
      total += bucket.size();
    }
    return total;
  }

  private boolean isLive(SpaceSaving<K> bucket, long epoch) {
    return bucket.epoch != Long.MIN_VALUE
        && bucket.epoch <= epoch
        && bucket.epoch > epoch - ring.length;
  }
}
