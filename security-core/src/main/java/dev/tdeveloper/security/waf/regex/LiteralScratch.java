package dev.tdeveloper.security.waf.regex;

import java.util.Arrays;

/**
 * A caller's working memory for {@link LiteralIndex#scan(CharSequence, LiteralScratch)}: the
 * literals found so far in the value being scanned, in the order the automaton reports them, and a
 * bit per literal of the index telling whether it is already among them. Adding a literal is then a
 * bit test (a repeat) or a bit set and an append, whatever order the literals come in; the few
 * found are sorted once at the end of the scan. Every bit set during a scan is cleared before it
 * returns, so one scratch serves any number of scans in turn.
 *
 * <p>Mutable and not thread-safe: confined to one thread (a transaction makes one and reuses it for
 * every value it scans).
 */
public final class LiteralScratch {
  /** Up to this many literals found are sorted in place (values usually hold a few). */
  private static final int INSERTION_SORT_MAX = 24;

  private final int literalCount;
  private final long[] seen;
  private int[] found;
  private int size;

  LiteralScratch(int literalCount, int capacity) {
    this.literalCount = literalCount;
    this.seen = new long[(literalCount + 63) >>> 6];
    this.found = new int[Math.max(1, Math.min(capacity, literalCount))];
  }

  /**
   * Adds the literals a state ends, {@code ids[from]} up to {@code ids[to]}, skipping those already
   * found in this scan.
   */
  void add(int[] ids, int from, int to) {
    for (int i = from; i < to; i++) {
      int id = ids[i];
      int w = id >>> 6;
      long bit = 1L << id;
      long word = seen[w];
      if ((word & bit) == 0) {
        seen[w] = word | bit;
        if (size == found.length) {
          found = Arrays.copyOf(found, Math.min(literalCount, 2 * size));
        }
        found[size++] = id;
      }
    }
  }

  /**
   * Ends a scan: clears the bits it set and answers its literals.
   *
   * @param none the array to answer when nothing was found (shared, never written)
   * @return the ids found, ascending without repeats
   */
  int[] finish(int[] none) {
    int n = size;
    size = 0;
    if (n == 0) {
      return none;
    }
    int[] out = Arrays.copyOf(found, n);
    for (int id : out) {
      seen[id >>> 6] = 0;
    }
    if (n > INSERTION_SORT_MAX) {
      Arrays.sort(out);
    } else {
      for (int i = 1; i < n; i++) {
        int id = out[i];
        int j = i - 1;
        while (j >= 0 && out[j] > id) {
          out[j + 1] = out[j];
          j--;
        }
        out[j + 1] = id;
      }
    }
    return out;
  }

  /** Forgets a scan that did not finish (its input failed): clears its bits. */
  void abandon() {
    for (int i = 0; i < size; i++) {
      seen[found[i] >>> 6] = 0;
    }
    size = 0;
  }
}
