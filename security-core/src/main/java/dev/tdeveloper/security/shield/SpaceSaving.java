package dev.tdeveloper.security.shield;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * One bucket of a {@link HeavyHitterDetector}: the Space-Saving summary of Metwally, Agrawal and El
 * Abbadi (2005) with at most {@code capacity} counters. When full, a new key takes over a least
 * counter, inheriting its count as error.
 *
 * <p>Counters are kept in the paper's Stream-Summary: grouped by count into buckets, themselves
 * linked in ascending count order, so a least counter is always at hand and an increment moves a
 * counter to the next bucket — every operation is {@code O(1)}. Within a bucket the counters form a
 * list, oldest first; a new key takes over the oldest of the least counters. Counters and buckets
 * are pooled (at most {@code capacity} of each, kept across {@link #clear}), so counting allocates
 * nothing once the summary has been full.
 *
 * <p>The index is an open-addressing table of the counters (linear probing, at most half full,
 * backward-shift deletion). Callers pass the key's {@link #hash}, computed once per event for every
 * bucket. Not thread-safe: the owning stripe's lock guards it (a summary a bucket change retired is
 * cleared without the lock, while no other thread can reach it).
 */
final class SpaceSaving<K> {
  /**
   * A tracked key. {@code previous} caches the key's guaranteed count in older buckets, {@link
   * Stripe#UNKNOWN} until the stripe looks it up.
   */
  static final class Counter<K> {
    K key;
    int hash;
    long count;
    long error;
    long previous;
    int slot;
    Group<K> group;
    Counter<K> prev;
    Counter<K> next;
  }

  /** The counters of one count, a list oldest first; groups are linked by ascending count. */
  static final class Group<K> {
    long count;
    Counter<K> oldest;
    Counter<K> newest;
    Group<K> lower;
    Group<K> higher;
  }

  private final Counter<K>[] counters; // [0, size) are tracked, the rest kept for reuse
  private final Counter<K>[] table;
  private final int[] hashes; // hashes[i] is table[i].hash, so probing touches no counter
  private final int mask;
  private int size;
  private Group<K> least; // null when empty
  private Group<K> most;
  private Group<K> spare; // free groups, linked by higher

  /** The time bucket this summary counts, or {@link Long#MIN_VALUE} when never used. */
  long epoch = Long.MIN_VALUE;

  SpaceSaving(int capacity) {
    @SuppressWarnings("unchecked")
    Counter<K>[] array = (Counter<K>[]) new Counter<?>[capacity];
    this.counters = array;
    int tableSize = Integer.highestOneBit(Math.max(2, capacity) * 2 - 1) << 1;
    @SuppressWarnings("unchecked")
    Counter<K>[] slots = (Counter<K>[]) new Counter<?>[tableSize];
    this.table = slots;
    this.hashes = new int[tableSize];
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

  /**
   * Counts one occurrence of {@code key}; a new counter (one that starts tracking the key) has
   * {@code previous} set to {@link Stripe#UNKNOWN}.
   */
  Counter<K> offer(K key, int hash) {
    Counter<K> counter = get(key, hash);
    if (counter != null) {
      increment(counter);
      return counter;
    }
    if (size < counters.length) {
      counter = counters[size];
      if (counter == null) {
        counter = new Counter<>();
        counters[size] = counter;
      }
      counter.slot = size++;
      counter.error = 0;
      counter.count = 1;
      attach(counter, least != null && least.count == 1 ? least : insertGroup(null, least, 1));
    } else {
      counter = least.oldest;
      unindex(counter);
      counter.error = counter.count;
      increment(counter);
    }
    counter.key = key;
    counter.hash = hash;
    counter.previous = Stripe.UNKNOWN;
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
      if (hashes[i] == hash) {
        K k = c.key;
        if (k == key || k.equals(key)) {
          return c;
        }
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
    detach(counter);
    counter.key = null;
    int slot = counter.slot;
    Counter<K> last = counters[--size];
    counters[slot] = last;
    last.slot = slot;
    counters[size] = counter;
    counter.slot = size;
  }

  /** Forgets every key; counters and groups are kept for reuse, so no allocation follows. */
  void clear() {
    if (size == 0) {
      return;
    }
    Arrays.fill(table, null);
    for (int i = 0; i < size; i++) {
      Counter<K> c = counters[i];
      c.key = null;
      c.group = null;
      c.prev = null;
      c.next = null;
    }
    size = 0;
    while (least != null) {
      Group<K> g = least;
      least = g.higher;
      release(g);
    }
    most = null;
  }

  int size() {
    return size;
  }

  /** Returns the least count tracked (the most any estimate exceeds its true count), or 0. */
  long minCount() {
    return least == null ? 0 : least.count;
  }

  /** Returns the largest count tracked, or 0: no key counted more than that in this bucket. */
  long maxCount() {
    return most == null ? 0 : most.count;
  }

  void forEach(Consumer<Counter<K>> action) {
    for (int i = 0; i < size; i++) {
      action.accept(counters[i]);
    }
  }

  /** Adds one to {@code counter}'s count, moving it to the group of the next count. */
  private void increment(Counter<K> counter) {
    Group<K> from = counter.group;
    long count = from.count + 1;
    Group<K> higher = from.higher;
    boolean nextExists = higher != null && higher.count == count;
    if (from.oldest == from.newest && !nextExists) {
      from.count = count; // alone in its group: the group moves up, order is kept
    } else {
      Group<K> to = nextExists ? higher : insertGroup(from, higher, count);
      detach(counter);
      attach(counter, to);
    }
    counter.count = count;
  }

  /** Appends {@code counter} to {@code group}'s list (it becomes the newest). */
  private static <K> void attach(Counter<K> counter, Group<K> group) {
    Counter<K> newest = group.newest;
    counter.group = group;
    counter.prev = newest;
    counter.next = null;
    if (newest == null) {
      group.oldest = counter;
    } else {
      newest.next = counter;
    }
    group.newest = counter;
  }

  /** Takes {@code counter} out of its group's list, releasing the group if that empties it. */
  private void detach(Counter<K> counter) {
    Group<K> group = counter.group;
    Counter<K> prev = counter.prev;
    Counter<K> next = counter.next;
    if (prev == null) {
      group.oldest = next;
    } else {
      prev.next = next;
    }
    if (next == null) {
      group.newest = prev;
    } else {
      next.prev = prev;
    }
    if (group.oldest == null) {
      unlink(group);
      release(group);
    }
  }

  /** Links a group of {@code count} between {@code lower} and {@code higher} (either null). */
  private Group<K> insertGroup(Group<K> lower, Group<K> higher, long count) {
    Group<K> group = spare;
    if (group == null) {
      group = new Group<>();
    } else {
      spare = group.higher;
    }
    group.count = count;
    group.lower = lower;
    group.higher = higher;
    if (lower == null) {
      least = group;
    } else {
      lower.higher = group;
    }
    if (higher == null) {
      most = group;
    } else {
      higher.lower = group;
    }
    return group;
  }

  private void unlink(Group<K> group) {
    if (group.lower == null) {
      least = group.higher;
    } else {
      group.lower.higher = group.higher;
    }
    if (group.higher == null) {
      most = group.lower;
    } else {
      group.higher.lower = group.lower;
    }
  }

  private void release(Group<K> group) {
    group.oldest = null;
    group.newest = null;
    group.lower = null;
    group.higher = spare;
    spare = group;
  }

  private void index(Counter<K> counter) {
    int i = counter.hash & mask;
    while (table[i] != null) {
      i = (i + 1) & mask;
    }
    table[i] = counter;
    hashes[i] = counter.hash;
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
      int home = hashes[i] & mask;
      // Move the entry into the hole unless its home lies cyclically within (hole, i].
      if (((i - home) & mask) >= ((i - hole) & mask)) {
        table[hole] = table[i];
        hashes[hole] = hashes[i];
        hole = i;
      }
    }
    table[hole] = null;
  }
}
