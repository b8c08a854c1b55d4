package dev.tdeveloper.observability.alert;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A map from an alert fingerprint (a 64-bit label hash) to a value, by open addressing with linear
 * probing, so a lookup on the router's receive path neither boxes the key nor follows a node
 * pointer. Invariant: every key sits between its home slot and the first empty slot after it;
 * removal shifts later entries back to keep it (no tombstones). Not thread-safe: the router's lock
 * guards it.
 *
 * @param <V> the values, never null
 */
final class FingerprintMap<V> {
  private static final int MIN_CAPACITY = 16;

  private long[] keys = new long[MIN_CAPACITY];
  private Object[] values = new Object[MIN_CAPACITY];
  private int size;

  /** Returns the value of {@code key}, or null. */
  @SuppressWarnings("unchecked")
  V get(long key) {
    int mask = keys.length - 1;
    for (int i = home(key, mask); values[i] != null; i = (i + 1) & mask) {
      if (keys[i] == key) {
        return (V) values[i];
      }
    }
    return null;
  }

  /** Maps {@code key} to {@code value} (not null), replacing any value it had. */
  void put(long key, V value) {
    if ((size + 1) * 2 > keys.length) {
      resize(keys.length * 2);
    }
    int mask = keys.length - 1;
    int i = home(key, mask);
    while (values[i] != null) {
      if (keys[i] == key) {
        values[i] = value;
        return;
      }
      i = (i + 1) & mask;
    }
    keys[i] = key;
    values[i] = value;
    size++;
  }

  /** Removes {@code key}; returns whether it was present. */
  boolean remove(long key) {
    int mask = keys.length - 1;
    int i = home(key, mask);
    while (values[i] != null && keys[i] != key) {
      i = (i + 1) & mask;
    }
    if (values[i] == null) {
      return false;
    }
    size--;
    // shift back every later entry of the run whose home is not between the hole and itself
    for (int j = (i + 1) & mask; values[j] != null; j = (j + 1) & mask) {
      int h = home(keys[j], mask);
      boolean movable = i <= j ? (h <= i || h > j) : (h <= i && h > j);
      if (movable) {
        keys[i] = keys[j];
        values[i] = values[j];
        i = j;
      }
    }
    values[i] = null;
    return true;
  }

  /** Returns the number of keys. */
  int size() {
    return size;
  }

  /** Calls {@code action} with every value, in no particular order. */
  @SuppressWarnings("unchecked")
  void forEachValue(Consumer<? super V> action) {
    for (Object v : values) {
      if (v != null) {
        action.accept((V) v);
      }
    }
  }

  /** Returns the values, in no particular order. */
  List<V> values() {
    List<V> out = new ArrayList<>(size);
    forEachValue(out::add);
    return out;
  }

  private void resize(int capacity) {
    long[] oldKeys = keys;
    Object[] oldValues = values;
    keys = new long[capacity];
    values = new Object[capacity];
    size = 0;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldValues[i] != null) {
        @SuppressWarnings("unchecked")
        V v = (V) oldValues[i];
        put(oldKeys[i], v);
      }
    }
  }

  private static int home(long key, int mask) {
    long h = key * 0x9E3779B97F4A7C15L; // spreads keys that differ only in high or low bits
    return (int) (h >>> 32) & mask;
  }
}
