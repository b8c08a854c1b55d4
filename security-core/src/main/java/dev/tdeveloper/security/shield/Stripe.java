package dev.tdeveloper.security.shield;

import java.util.function.Consumer;

/**
 * One stripe of a {@link HeavyHitterDetector}: a ring of Space-Saving buckets, one per time bucket.
 *
 * <p>A key's guaranteed count in the window is its count in the current bucket plus its {@code
 * previous} count in the older live buckets, looked up once when its counter is new. A noise key
 * gets a new counter at nearly every event, so {@link #recordExceeds} skips that lookup while it
 * cannot change the answer: no key counted more than {@link SpaceSaving#maxCount()} in an older
 * bucket, and the sum of those maxima is cached per epoch ({@code olderBound}).
 *
 * <p>A bucket change swaps in a cleared spare summary, and the holder clears the retired one after
 * releasing the lock ({@link #takeRetired}, {@link #recycle}), so no caller waits for a clearing.
 *
 * <p>Not thread-safe but for {@link #recycle}: callers hold the stripe's monitor.
 */
final class Stripe<K> {
  /** {@link SpaceSaving.Counter#previous} of a counter whose older counts were not looked up. */
  static final long UNKNOWN = -1;

  private final SpaceSaving<K>[] ring;

  /** A cleared summary for the next bucket change, or null while one is being cleared. */
  private volatile SpaceSaving<K> spare;

  /** The summary a bucket change took out of the ring, to clear once the lock is released. */
  private SpaceSaving<K> retired;

  /** The epoch for which {@link #olderBound} holds, or {@link Long#MIN_VALUE} when stale. */
  private long boundEpoch = Long.MIN_VALUE;

  /** Sum of the older live buckets' largest counts: no key's previous count is above it. */
  private long olderBound;

  Stripe(int buckets, int capacity) {
    @SuppressWarnings("unchecked")
    SpaceSaving<K>[] array = (SpaceSaving<K>[]) new SpaceSaving<?>[buckets];
    for (int i = 0; i < buckets; i++) {
      array[i] = new SpaceSaving<>(capacity);
    }
    this.ring = array;
    this.spare = new SpaceSaving<>(capacity);
  }

  /**
   * Under the lock, last: returns the summary a bucket change retired (or null), for the caller to
   * {@link #recycle} once it has released the lock.
   */
  SpaceSaving<K> takeRetired() {
    SpaceSaving<K> out = retired;
    retired = null;
    return out;
  }

  /**
   * Without the lock: clears {@code old} (from {@link #takeRetired}, if not null) as the next
   * spare.
   */
  void recycle(SpaceSaving<K> old) {
    if (old != null) {
      old.clear();
      old.epoch = Long.MIN_VALUE;
      spare = old; // publishes the cleared summary to the next bucket change
    }
  }

  /**
   * Counts {@code key} (of {@link SpaceSaving#hash} {@code hash}) in bucket {@code epoch}, which is
   * at {@code slot} ({@code floorMod(epoch, buckets)}) of the ring; returns its guaranteed count in
   * the window.
   */
  long record(K key, int hash, long epoch, int slot) {
    SpaceSaving.Counter<K> counter = count(key, hash, epoch, slot);
    if (counter.previous == UNKNOWN) {
      counter.previous = previous(key, hash, epoch, slot);
    }
    return counter.previous + counter.count - counter.error;
  }

  /**
   * As {@link #record} but answers only whether the guaranteed count in the window exceeds {@code
   * threshold}, looking up the older buckets only if they could make it so.
   */
  boolean recordExceeds(K key, int hash, long epoch, int slot, long threshold) {
    SpaceSaving.Counter<K> counter = count(key, hash, epoch, slot);
    long current = counter.count - counter.error;
    if (counter.previous == UNKNOWN) {
      if (current + olderBound(epoch, slot) <= threshold) {
        return false;
      }
      counter.previous = previous(key, hash, epoch, slot);
    }
    return counter.previous + current > threshold;
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
    boundEpoch = Long.MIN_VALUE;
  }

  int size() {
    int total = 0;
    for (SpaceSaving<K> bucket : ring) {
      total += bucket.size();
    }
    return total;
  }

  private SpaceSaving.Counter<K> count(K key, int hash, long epoch, int slot) {
    SpaceSaving<K> current = ring[slot];
    if (current.epoch < epoch) {
      current = rotate(slot, epoch);
    }
    if (current.epoch < boundEpoch) {
      boundEpoch = Long.MIN_VALUE; // a late event changed an older bucket: the bound may be low
    }
    return current.offer(key, hash);
  }

  /** Starts bucket {@code epoch} at {@code slot}, with the spare summary when one is ready. */
  private SpaceSaving<K> rotate(int slot, long epoch) {
    SpaceSaving<K> old = ring[slot];
    SpaceSaving<K> fresh = spare;
    if (fresh == null || retired != null) { // the spare is being cleared, or already used
      old.clear();
      old.epoch = epoch;
      return old;
    }
    spare = null;
    fresh.epoch = epoch;
    ring[slot] = fresh;
    retired = old;
    return fresh;
  }

  /** Returns the key's guaranteed count in the live buckets other than the current one. */
  private long previous(K key, int hash, long epoch, int slot) {
    SpaceSaving<K> current = ring[slot];
    long previous = 0;
    for (SpaceSaving<K> bucket : ring) {
      if (bucket != current && isLive(bucket, epoch)) {
        SpaceSaving.Counter<K> older = bucket.get(key, hash);
        if (older != null) {
          previous += older.count - older.error;
        }
      }
    }
    return previous;
  }

  /** Returns an upper bound of any key's {@link #previous} count at {@code epoch}. */
  private long olderBound(long epoch, int slot) {
    if (boundEpoch != epoch) {
      SpaceSaving<K> current = ring[slot];
      long bound = 0;
      for (SpaceSaving<K> bucket : ring) {
        if (bucket != current && isLive(bucket, epoch)) {
          bound += bucket.maxCount();
        }
      }
      olderBound = bound;
      boundEpoch = epoch;
    }
    return olderBound;
  }

  private boolean isLive(SpaceSaving<K> bucket, long epoch) {
    return bucket.epoch != Long.MIN_VALUE
        && bucket.epoch <= epoch
        && bucket.epoch > epoch - ring.length;
  }
}
