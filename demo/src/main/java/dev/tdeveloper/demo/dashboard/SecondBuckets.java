package dev.tdeveloper.demo.dashboard;

/**
 * A ring of one-second buckets, each holding a few counters, summed over the seconds of a sliding
 * window: fixed memory whatever the rate. A bucket is reset when its slot comes round to a newer
 * second; a count for a second older than the bucket's (a clock stepped back) goes to the newer
 * bucket rather than being lost. Thread-safe (one lock, held for a few array accesses).
 */
final class SecondBuckets {
  private final int window;
  private final long[] seconds;
  private final long[][] counts;

  SecondBuckets(int window, int counters) {
    this.window = window;
    this.seconds = new long[window];
    this.counts = new long[window][counters];
    java.util.Arrays.fill(seconds, Long.MIN_VALUE);
  }

  /** Adds one to counter {@code first} and to counter {@code second} (once if they are equal). */
  synchronized void add(long epochSecond, int first, int second) {
    int slot = (int) Math.floorMod(epochSecond, (long) window);
    if (seconds[slot] < epochSecond) {
      seconds[slot] = epochSecond;
      java.util.Arrays.fill(counts[slot], 0);
    }
    counts[slot][first]++;
    if (second != first) {
      counts[slot][second]++;
    }
  }

  /**
   * Returns each counter summed over the {@code window} seconds ending with {@code epochSecond}.
   */
  synchronized long[] sums(long epochSecond) {
    long[] sums = new long[counts[0].length];
    for (int slot = 0; slot < window; slot++) {
      long s = seconds[slot];
      if (s != Long.MIN_VALUE && s > epochSecond - window && s <= epochSecond) {
        for (int c = 0; c < sums.length; c++) {
          sums[c] += counts[slot][c];
        }
      }
    }
    return sums;
  }
}
