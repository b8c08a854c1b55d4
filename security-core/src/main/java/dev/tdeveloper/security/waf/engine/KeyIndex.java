package dev.tdeveloper.security.waf.engine;

/**
 * The positions of a collection's targets by key, so that a selection by a plain key ({@code
 * REQUEST_HEADERS:User-Agent}) reads the targets of that name instead of comparing every target's
 * key. A plain key matches case-insensitively ({@link Selection}); the index hashes keys folded to
 * ASCII lower case, which is the same test as {@link String#equalsIgnoreCase} only between ASCII
 * strings, so it is built only over targets whose keys are all ASCII and asked only with an ASCII
 * key: anything else is left to a scan. Built once for a target array and kept while that array is
 * asked for (a variable's targets are one array per data version). Not thread-safe.
 */
final class KeyIndex {
  private Target[] source;
  private boolean indexed;
  // Bucket -> first position + 1 in it (0: none); chains run in ascending position.
  private int[] heads = new int[32];
  // Position -> the next position + 1 in its bucket (0: none).
  private int[] next = new int[16];
  private int[] hashes = new int[16];
  private int mask;

  /**
   * Whether a plain-key selection from these targets can read the index, building it when they are
   * not the targets it was built for.
   *
   * @param targets the variable's current targets
   * @return false when a target's key is not ASCII
   */
  boolean covers(Target[] targets) {
    if (targets != source) {
      build(targets);
    }
    return indexed;
  }

  private void build(Target[] targets) {
    source = targets;
    indexed = false;
    int n = targets.length;
    for (Target t : targets) {
      if (!ascii(t.key())) {
        return;
      }
    }
    int buckets = Integer.highestOneBit(Math.max(2 * n, 2) - 1) << 1;
    if (heads.length < buckets) {
      heads = new int[buckets];
    } else {
      java.util.Arrays.fill(heads, 0, buckets, 0);
    }
    if (next.length < n) {
      next = new int[Math.max(n, 2 * next.length)];
      hashes = new int[next.length];
    }
    mask = buckets - 1;
    for (int i = n - 1; i >= 0; i--) {
      int h = hash(targets[i].key());
      int b = h & mask;
      hashes[i] = h;
      next[i] = heads[b];
      heads[b] = i + 1;
    }
    indexed = true;
  }

  /**
   * Appends, in ascending position, the targets whose key equals {@code key} ignoring case.
   *
   * @param key an ASCII key ({@link #ascii})
   * @param out where they go, from position 0
   * @return how many
   */
  int select(String key, Target[] out) {
    int h = hash(key);
    int n = 0;
    for (int at = heads[h & mask]; at != 0; at = next[at - 1]) {
      Target t = source[at - 1];
      if (hashes[at - 1] == h && key.equalsIgnoreCase(t.key())) {
        out[n++] = t;
      }
    }
    return n;
  }

  /** Lets go of the targets it was built for, as a new instance would start. */
  void forget() {
    source = null;
    indexed = false;
  }

  static boolean ascii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  private static int hash(String s) {
    int h = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      h = 31 * h + (c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    return h ^ (h >>> 16);
  }
}
