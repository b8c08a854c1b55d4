package dev.tdeveloper.security.waf.engine;

/**
 * Which chars may make a transformation change its input: a transformation given a value without
 * any of its trigger chars returns that value unchanged, so the {@link ValueCache} answers a chain
 * whose transformations have no trigger in a raw value with the raw value itself, without running
 * or looking anything up. A set of chars is five {@code long}s: four over the chars 0-255 (the
 * request's bytes), and in the fifth one bit, {@link #ANY}, that every value holds (the empty one
 * too); a value holding a char above 255 counts as holding all 256, so nothing is predicted for it.
 * A transformation not listed here may change anything: its triggers are all 256 chars and {@code
 * ANY}. The triggers are a superset of what changes a value ({@code normalizePath} changes {@code
 * /a/./b} but not {@code /a/b}; both hold {@code /}): checked against every listed transformation
 * by {@code CharTriggersPropertyTest}. Stateless.
 */
final class CharTriggers {
  /** The longs of one set. */
  static final int WORDS = 5;

  /** The bit every value holds, in the last long. */
  static final long ANY = 1L;

  private CharTriggers() {}

  /**
   * The trigger chars of a transformation.
   *
   * @param name the transformation's name
   * @return a new set of {@link #WORDS} longs; all 256 chars when the name is not listed
   */
  static long[] of(String name) {
    return switch (name) {
      case "lowercase" -> range('A', 'Z');
      case "uppercase" -> range('a', 'z');
      case "compressWhitespace", "trim", "trimLeft", "trimRight" -> spaces();
      case "removeWhitespace" -> with(spaces(), (char) 0xA0);
      case "removeNulls", "replaceNulls" -> with(new long[WORDS], '\0');
      case "cmdLine" ->
          with(range('A', 'Z'), '"', '\'', '\\', '^', ',', ';', ' ', '\t', '\r', '\n');
      case "urlDecode", "urlDecodeUni" -> with(new long[WORDS], '%', '+');
      case "htmlEntityDecode" -> with(new long[WORDS], '&');
      case "jsDecode", "cssDecode", "escapeSeqDecode" -> with(new long[WORDS], '\\');
      // Only "/*" opens a comment: a value without '*' has none.
      case "replaceComments" -> with(new long[WORDS], '*');
      case "normalizePath" -> with(new long[WORDS], '/', '.');
      case "normalizePathWin" -> with(new long[WORDS], '/', '.', '\\');
      case "utf8toUnicode" -> range(0x80, 0xFF);
      default -> with(range(0, 0xFF));
    };
  }

  /**
   * The chars of a value, into a set.
   *
   * @param value the value
   * @param set where to add them ({@link #WORDS} longs)
   */
  static void addChars(String value, long[] set) {
    // Kept in locals, not read and written back through the array per char (a chain of stores
    // and loads on the same word); ASCII chars pick their word without a branch.
    long w0 = 0;
    long w1 = 0;
    long w2 = 0;
    long w3 = 0;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      long bit = 1L << c;
      if (c < 0x80) {
        long high = -(long) (c >>> 6);
        w1 |= bit & high;
        w0 |= bit & ~high;
      } else if (c <= 0xFF) {
        long high = -(long) ((c >>> 6) & 1);
        w3 |= bit & high;
        w2 |= bit & ~high;
      } else {
        java.util.Arrays.fill(set, 0, WORDS - 1, -1L);
        set[WORDS - 1] |= ANY;
        return;
      }
    }
    set[0] |= w0;
    set[1] |= w1;
    set[2] |= w2;
    set[3] |= w3;
    set[WORDS - 1] |= ANY;
  }

  /**
   * A set with each ASCII letter's other case added.
   *
   * @param set the set
   * @return a new set
   */
  static long[] caseClosed(long[] set) {
    long[] out = set.clone();
    for (char c = 'A'; c <= 'Z'; c++) {
      char l = (char) (c + 32);
      if ((set[c >>> 6] & 1L << c) != 0 || (set[l >>> 6] & 1L << l) != 0) {
        out[c >>> 6] |= 1L << c;
        out[l >>> 6] |= 1L << l;
      }
    }
    return out;
  }

  private static long[] spaces() {
    return with(range('\t', '\r'), ' ');
  }

  private static long[] range(int from, int to) {
    long[] set = new long[WORDS];
    for (int c = from; c <= to; c++) {
      set[c >>> 6] |= 1L << c;
    }
    return set;
  }

  private static long[] with(long[] set) {
    set[WORDS - 1] |= ANY;
    return set;
  }

  private static long[] with(long[] set, char... chars) {
    for (char c : chars) {
      set[c >>> 6] |= 1L << c;
    }
    return set;
  }
}
