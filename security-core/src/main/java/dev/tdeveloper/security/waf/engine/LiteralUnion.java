package dev.tdeveloper.security.waf.engine;

/**
 * Unions of a view's literal id sets ({@link TargetViews#union(int)}), worked out in scratch arrays
 * kept between unions. Confined to one transaction at a time.
 */
final class LiteralUnion {
  private static final int[] NONE = new int[0];
  // Where a union is worked out before it is copied to its exact size.
  private int[] scratch = new int[32];
  // The bit set a union is worked out in: a bit per literal id, all clear between unions.
  private long[] bits = new long[24];

  /**
   * The ascending union, without repeats, of the first {@code count} ascending literal id arrays of
   * {@code sets} (none of them null): the one set that is not empty when there is only one (most
   * views have one target, or one value that holds literals), else the ids are set in a bit set
   * (ids are small: below the rule set's literal count) and read back in order, in time linear in
   * the ids and the largest id, with no sort.
   */
  int[] of(int[][] sets, int count) {
    int total = 0;
    int[] only = NONE;
    int nonEmpty = 0;
    int max = -1;
    for (int k = 0; k < count; k++) {
      int[] s = sets[k];
      if (s.length > 0) {
        total += s.length;
        only = s;
        nonEmpty++;
        max = Math.max(max, s[s.length - 1]);
      }
    }
    if (nonEmpty <= 1) {
      return only;
    }
    int words = (max >>> 6) + 1;
    if (bits.length < words) {
      bits = new long[Math.max(words, 2 * bits.length)];
    }
    if (scratch.length < total) {
      scratch = new int[Math.max(total, 2 * scratch.length)];
    }
    for (int k = 0; k < count; k++) {
      for (int literal : sets[k]) {
        bits[literal >>> 6] |= 1L << literal;
      }
    }
    int[] all = scratch;
    int n = 0;
    for (int w = 0; w < words; w++) {
      long b = bits[w];
      if (b != 0) {
        bits[w] = 0;
        int base = w << 6;
        do {
          all[n++] = base + Long.numberOfTrailingZeros(b);
          b &= b - 1;
        } while (b != 0);
      }
    }
    return java.util.Arrays.copyOf(all, n);
  }
}
