package dev.tdeveloper.security.waf.body;

/**
 * Knuth-Morris-Pratt search for one fixed needle in byte ranges: linear in the haystack whatever
 * the needle, so a body crafted against a long boundary ({@code ------...}) cannot make the search
 * quadratic. Immutable and thread-safe.
 */
final class ByteSearch {
  private final byte[] needle;
  private final int[] failure;

  ByteSearch(byte[] needle) {
    this.needle = needle.clone();
    this.failure = new int[needle.length];
    for (int i = 1, k = 0; i < needle.length; i++) {
      while (k > 0 && needle[i] != needle[k]) {
        k = failure[k - 1];
      }
      if (needle[i] == needle[k]) {
        k++;
      }
      failure[i] = k;
    }
  }

  /**
   * Whether the needle occurs in {@code hay[from, to)}.
   *
   * @param hay the bytes
   * @param from the first index searched
   * @param to the end, exclusive
   * @return true when found
   */
  boolean occursIn(byte[] hay, int from, int to) {
    if (needle.length == 0) {
      return true;
    }
    for (int i = from, k = 0; i < to; i++) {
      while (k > 0 && hay[i] != needle[k]) {
        k = failure[k - 1];
      }
      if (hay[i] == needle[k]) {
        k++;
        if (k == needle.length) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Whether the needle starts at {@code hay[at]} and fits before {@code to}.
   *
   * @param hay the bytes
   * @param at the start
   * @param to the end of the range, exclusive
   * @return true when {@code hay[at, at + needle.length)} is the needle
   */
  boolean startsAt(byte[] hay, int at, int to) {
    if (at < 0 || to - at < needle.length) {
      return false;
    }
    for (int i = 0; i < needle.length; i++) {
      if (hay[at + i] != needle[i]) {
        return false;
      }
    }
    return true;
  }

  int length() {
    return needle.length;
  }
}
