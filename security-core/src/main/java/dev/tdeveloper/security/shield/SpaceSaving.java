package dev.tdeveloper.security.shield;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * One bucket of a {@link HeavyHitterDetector}: the Space-Saving summary of Metwally, Agrawal and El
 * Abbadi (2005) with at most {@code capacity} counters, kept in a min-heap by count with a hash
 * index. When full, a new key takes over the least counter, inheriting its count as error.
 *
 * <p>The index is an open-addressing table of the counters themselves (linear probing, at most half
 * full, backward-shift deletion), so counting allocates nothing once the summary is full and a
 * lookup touches the table and the counter only. Callers pass the key's {@link #hash}, computed
 * once per event for every bucket. Not thread-safe: the owning stripe's lock guards it.
 */
final class SpaceSaving<K> {
  /** A tracked key. {@code previous} caches the key's guaranteed count in older buckets. */
  static final class Counter<K> {
    K key;
    int hash;
    long count;
    long error;
    long previous;
    int slot;
  }

  private final Counter<K>[] heap;
  private final Counter<K>[] table;
  private final int mask;
  private int size;

  /** The time bucket this summary counts, or {@link Long#MIN_VALUE} when never used. */
  long epoch = Long.MIN_VALUE;

  SpaceSaving(int capacity) {
    @SuppressWarnings("unchecked")
    Counter<K>[] array = (Counter<K>[]) new Counter<?>[capacity];
    this.heap = array;
    int tableSize = Integer.highestOneBit(Math.max(2, capacity) * 2 - 1) << 1;
    @SuppressWarnings("unchecked")
    Counter<K>[] slots = (Counter<K>[]) new Counter<?>[tableSize];
    this.table = slots;
    this.mask = tableSize - 1;
  }

  /** Returns the well-mixed hash of {@code key} (murmur3's finalizer over its hash code). */
  static int hash(Object key) {
    int h = key.hashCode();
    h ^= h >>> 16;
    h *= 0x85EBCA6B;
    h ^= h >>> 13;
    h *= 0xC2B2AE35;
    return h ^ (h >>> 16);
  }

  /** Counts one occurrence of {@code key}; the returned counter is new when count - error is 1. */
  Counter<K> offer(K key, int hash) {
    Counter<K> counter = get(key, hash);
    if (counter != null) {
      counter.count++;
      siftDown(counter.slot);
      return counter;
    }
    if (size < heap.length) {
      counter = new Counter<>();
      counter.key = key;
      counter.hash = hash;
      counter.count = 1;
      counter.slot = size;
      heap[size++] = counter;
      siftUp(counter.slot);
    } else {
      counter = heap[0];
      unindex(counter);
      counter.key = key;
      counter.hash = hash;
      counter.error = counter.count;
      counter.count++;
      siftDown(0);
    }
    counter.previous = 0;
    index(counter);
    return counter;
  }

  /** Returns the counter of {@code key}, or null. */
  Counter<K> get(K key, int hash) {
    for (int i = hash & mask; ; i = (i + 1) & mask) {
      Counter<K> c = table[i];
      if (c == null) {
        return null;
      }
      if (c.hash == hash && c.key.equals(key)) {
        return c;
      }
    }
  }

  /** Stops tracking {@code key}. */
  void remove(K key, int hash) {
    Counter<K> counter = get(key, hash);
    if (counter == null) {
      return;
    }
    unindex(counter);
    int slot = counter.slot;
    Counter<K> last = heap[--size];
    heap[size] = null;
    if (slot != size) {
      heap[slot] = last;
      last.slot = slot;
      siftDown(slot);
      siftUp(last.slot);
    }
  }

  /** Forgets every key (the arrays are kept, so no reallocation follows). */
  void clear() {
    if (size > 0) {
      Arrays.fill(table, null);
      Arrays.fill(heap, 0, size, null);
      size = 0;
    }
  }

  int size() {
    return size;
  }

  void forEach(Consumer<Counter<K>> action) {
    for (int i = 0; i < size; i++) {
      action.accept(heap[i]);
    }
  }

  private void index(Counter<K> counter) {
    int i = counter.hash & mask;
    while (table[i] != null) {
      i = (i + 1) & mask;
    }
    table[i] = counter;
  }

  /**
   * Removes {@code counter} from the table, shifting later entries of its run back (no tombstones).
   */
  private void unindex(Counter<K> counter) {
    int hole = counter.hash & mask;
    while (table[hole] != counter) {
      hole = (hole + 1) & mask;
    }
    for (int i = (hole + 1) & mask; table[i] != null; i = (i + 1) & mask) {
      int home = table[i].hash & mask;
      // Move the entry into the hole unless its home lies cyclically within (hole, i].
      if (((i - home) & mask) >= ((i - hole) & mask)) {
        table[hole] = table[i];
        hole = i;
      }
    }
    table[hole] = null;
  }

  private void siftDown(int slot) {
    Counter<K> moving = heap[slot];
    int half = size >>> 1;
    while (slot < half) {
      int child = 2 * slot + 1;
      int right = child + 1;
      if (right < size && heap[right].count < heap[child].count) {
        child = right;
      }
      if (moving.count <= heap[child].count) {
        break;
      }
      heap[slot] = heap[child];
      heap[slot].slot = slot;
      slot = child;
    }
    heap[slot] = moving;
    moving.slot = slot;
  }

  private void siftUp(int slot) {
    Counter<K> moving = heap[slot];
    while (slot > 0) {
      int parent = (slot - 1) >>> 1;
      if (heap[parent].count <= moving.count) {
        break;
      }
      heap[slot] = heap[parent];
      heap[slot].slot = slot;
      slot = parent;
    }
    heap[slot] = moving;
    moving.slot = slot;
  }
}
