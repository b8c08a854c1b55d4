package dev.tdeveloper.scaling.hpa;

/**
 * The replica changes of one direction, with their times, as the HPA's {@code scaleUpEvents} and
 * {@code scaleDownEvents}: a policy sums the changes within its period to find the replica count at
 * the period's start. Events older than the longest policy period are forgotten, and events at the
 * same instant are merged, so the log holds at most one entry per decision within that period. Not
 * thread-safe.
 */
final class ScaleEventLog {
  private final long retainNanos;
  private long[] times = new long[8];
  private int[] changes = new int[8];
  private int head;
  private int size;

  ScaleEventLog(long retainNanos) {
    this.retainNanos = retainNanos;
  }

  void record(long time, int change) {
    int mask = times.length - 1;
    prune(time);
    if (size > 0 && times[(head + size - 1) & mask] == time) {
      changes[(head + size - 1) & mask] += change;
      return;
    }
    if (size == times.length) {
      grow();
      mask = times.length - 1;
    }
    int tail = (head + size) & mask;
    times[tail] = time;
    changes[tail] = change;
    size++;
  }

  /** The sum of changes strictly after {@code now - periodNanos}. */
  long changesWithin(long now, long periodNanos) {
    long cutoff = now - periodNanos;
    int mask = times.length - 1;
    long sum = 0;
    for (int i = size - 1; i >= 0; i--) {
      int idx = (head + i) & mask;
      if (times[idx] <= cutoff) {
        break;
      }
      sum += changes[idx];
    }
    return sum;
  }

  private void prune(long now) {
    long cutoff = now - retainNanos;
    while (size > 0 && times[head] <= cutoff) {
      head = (head + 1) & (times.length - 1);
      size--;
    }
  }

  private void grow() {
    int n = times.length;
    long[] t = new long[n * 2];
    int[] c = new int[n * 2];
    for (int i = 0; i < size; i++) {
      t[i] = times[(head + i) & (n - 1)];
      c[i] = changes[(head + i) & (n - 1)];
    }
    times = t;
    changes = c;
    head = 0;
  }
}
