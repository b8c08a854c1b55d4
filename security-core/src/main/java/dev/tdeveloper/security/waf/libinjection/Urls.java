package dev.tdeveloper.security.waf.libinjection;

/**
 * Recognises script-capable URL schemes in an attribute value the way browsers read them: leading
 * and embedded control characters and whitespace are ignored, letters compare without case, and
 * numeric character references ({@code &#106;}, {@code &#x6A}) and {@code &colon;}, {@code &Tab;},
 * {@code &NewLine;} are decoded. Stateless; allocates nothing.
 */
final class Urls {
  private static final String[] SCRIPT = {"JAVASCRIPT:", "VBSCRIPT:", "LIVESCRIPT:"};
  private static final long END = -1L;

  private Urls() {}

  /** Whether {@code s[start, end)} starts with javascript:, vbscript: or livescript:. */
  static boolean scriptProtocol(String s, int start, int end) {
    for (String scheme : SCRIPT) {
      if (matchLength(s, start, end, scheme) >= 0) {
        return true;
      }
    }
    return false;
  }

  /** Whether the value is a {@code data:} URL other than a non-SVG image. */
  static boolean dataProtocol(String s, int start, int end) {
    int after = matchLength(s, start, end, "DATA:");
    if (after < 0) {
      return false;
    }
    return matchLength(s, after, end, "IMAGE/") < 0 || matchLength(s, after, end, "IMAGE/SVG") >= 0;
  }

  /** Index after {@code upper} read from {@code s[start, end)}, or -1. */
  private static int matchLength(String s, int start, int end, String upper) {
    int p = start;
    int j = 0;
    while (j < upper.length()) {
      long r = next(s, p, end);
      if (r == END) {
        return -1;
      }
      char c = (char) (r >>> 32);
      p = (int) r;
      if (c <= ' ' || c == 0x7f) {
        continue;
      }
      if (WordTable.upper(c) != upper.charAt(j)) {
        return -1;
      }
      j++;
    }
    return p;
  }

  /** The next decoded char and the index after it, packed as {@code char << 32 | index}. */
  private static long next(String s, int p, int end) {
    if (p >= end) {
      return END;
    }
    char c = s.charAt(p);
    if (c != '&' || p + 1 >= end) {
      return (long) c << 32 | (p + 1);
    }
    if (s.charAt(p + 1) == '#') {
      int i = p + 2;
      boolean hex = i < end && (s.charAt(i) == 'x' || s.charAt(i) == 'X');
      if (hex) {
        i++;
      }
      int value = 0;
      int digits = 0;
      while (i < end && digits < 10) {
        int d = Character.digit(s.charAt(i), hex ? 16 : 10);
        if (d < 0) {
          break;
        }
        value = Math.min(value * (hex ? 16 : 10) + d, 0x10000);
        digits++;
        i++;
      }
      if (digits == 0) {
        return (long) c << 32 | (p + 1);
      }
      if (i < end && s.charAt(i) == ';') {
        i++;
      }
      return (long) (value > 0xff ? 0xff : value) << 32 | i;
    }
    char named = named(s, p + 1, end);
    if (named != 0) {
      int semi = s.indexOf(';', p + 1);
      return (long) named << 32 | (semi + 1);
    }
    return (long) c << 32 | (p + 1);
  }

  private static char named(String s, int from, int end) {
    if (XssRules.startsWith(s, from, end, "COLON;")) {
      return ':';
    }
    if (XssRules.startsWith(s, from, end, "TAB;")) {
      return '\t';
    }
    if (XssRules.startsWith(s, from, end, "NEWLINE;")) {
      return '\n';
    }
    return 0;
  }
}
