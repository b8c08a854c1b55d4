package dev.tdeveloper.security.shield;

import java.util.HashMap;
import java.util.function.Consumer;

/**
 * One bucket of a {@link HeavyHitterDetector}: the Space-Saving summary of Metwally, Agrawal and El
 * Abbadi (2005) with at most {@code capacity} counters, kept in a min-heap by count with a hash
 * index. When full, a new key takes over the least counter, inheriting its count as error. Not
 * thread-safe: the owning stripe's lock guards it.
 */
final class SpaceSaving<K> {
  /** A tracked key. {@code previous} caches the key's guaranteed count in older buckets. */
  static final class Counter<K> {
    K key;
    long count;
    long error;
    long previous;
    int slot;
  }

  private final HashMap<K, Counter<K>> index;
  private final Counter<K>[] heap;
  private int size;

  /** The time bucket this summary counts, or {@link Long#MIN_VALUE} when never used. */
  long epoch = Long.MIN_VALUE;

  SpaceSaving(int capacity) {
    @SuppressWarnings("unchecked")
    Counter<K>[] array = (Counter<K>[]) new Counter<?>[capacity];
    this.heap = array;
    this.index = new HashMap<>(capacity * 2);
  }

  /** Counts one occurrence of {@code key}; the returned counter is new when count - error is 1. */
  Counter<K> offer(K key) {
    Counter<K> counter = index.get(key);
    if (counter != null) {
      counter.count++;
      siftDown(counter.slot);
      return counter;
    }
    if (size < heap.length) {
      counter = new Counter<>();
      counter.key = key;
      counter.count = 1;
      counter.slot = size;
      heap[size++] = counter;
      siftUp(counter.slot);
    } else {
      counter = heap[0];
      index.remove(counter.key);
      counter.key = key;
      counter.error = counter.count;
      counter.count++;
      siftDown(0);
    }
    counter.previous = 0;
    index.put(key, counter);
    return counter;
  }

  /** Returns the counter of {@code key}, or null. */
  Counter<K> get(K key) {
    return index.get(key);
  }

  /** Stops tracking {@code key}. */
  void remove(K key) {
    Counter<K> counter = index.remove(key);
    if (counter == null) {
      return;
    }
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

  /** Forgets every key (the hash table keeps its capacity, so no reallocation follows). */
  void clear() {
    index.clear();
    java.util.Arrays.fill(heap, 0, size, null);
    size = 0;
  }

  int size() {
    return size;
  }

  void forEach(Consumer<Counter<K>> action) {
    for (int i = 0; i < size; i++) {
      action.accept(heap[i]);
    }
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
