package dev.tdeveloper.scaling.hpa;

/**
 * The maximum (or minimum) of recommendations within a sliding time window, kept as a monotonic
 * deque: a recommendation that a newer, larger (smaller) one dominates can never be the extremum
 * again and is dropped. The deque therefore holds at most one entry per distinct value, and values
 * are clamped to {@code [0, maxReplicas]} by the caller, so it stays bounded. Not thread-safe.
 */
final class SlidingExtremum {
  private final boolean max;
  private long[] times = new long[8];
  private int[] values = new int[8];
  private int head;
  private int size;

  SlidingExtremum(boolean max) {
    this.max = max;
  }

  /** Forgets entries at or before {@code cutoff} (strictly before it when {@code keepAtCutoff}). */
  void evict(long cutoff, boolean keepAtCutoff) {
    while (size > 0) {
      long t = times[head];
      if (t > cutoff || (keepAtCutoff && t == cutoff)) {
        return;
      }
      head = (head + 1) & (times.length - 1);
      size--;
    }
  }

  /** The extremum of {@code candidate} and the retained entries. */
  int extremum(int candidate) {
    if (size == 0) {
      return candidate;
    }
    int v = values[head];
    return max ? Math.max(v, candidate) : Math.min(v, candidate);
  }

  void add(long time, int value) {
    int mask = times.length - 1;
    while (size > 0) {
      int last = values[(head + size - 1) & mask];
      if (max ? last <= value : last >= value) {
        size--;
      } else {
        break;
      }
    }
    if (size == times.length) {
      grow();
      mask = times.length - 1;
    }
    int tail = (head + size) & mask;
    times[tail] = time;
    values[tail] = value;
    size++;
  }

  int size() {
    return size;
  }

  private void grow() {
    int n = times.length;
    long[] t = new long[n * 2];
    int[] v = new int[n * 2];
    for (int i = 0; i < size; i++) {
      t[i] = times[(head + i) & (n - 1)];
      v[i] = values[(head + i) & (n - 1)];
    }
    times = t;
    values = v;
    head = 0;
  }
}
