package dev.tdeveloper.security.waf.regex;

import java.util.Arrays;

/**
 * A caller's working memory for {@link LiteralIndex#scan(CharSequence, LiteralScratch)}: the
 * literals found so far in the value being scanned, in the order the automaton reports them, and a
 * bit per literal of the index telling whether it is already among them. A state's literals come as
 * a chain, and a state met again costs one bit test (its first literal, a repeat) rather than one
 * per literal it ends; a new literal is a bit set and an append. The few found are sorted once at
 * the end of the scan. Every bit set during a scan is cleared before it returns, so one scratch
 * serves any number of scans in turn.
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
   * Adds the literals of a state's output chain, {@code first} then {@code next[id]} after each
   * {@code id} up to -1, stopping at the first already found in this scan: a literal's successor is
   * the same on every chain that holds it, so once a literal is found the rest of its chain is too.
   */
  void addChain(int first, int[] next) {
    for (int id = first; id >= 0; id = next[id]) {
      int w = id >>> 6;
      long bit = 1L << id;
      long word = seen[w];
      if ((word & bit) != 0) {
        return;
      }
      seen[w] = word | bit;
      if (size == found.length) {
        found = Arrays.copyOf(found, Math.min(literalCount, 2 * size));
      }
      found[size++] = id;
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
