package dev.tdeveloper.security.waf.transform;

import static dev.tdeveloper.security.waf.transform.ByteChars.NBSP;
import static dev.tdeveloper.security.waf.transform.ByteChars.isSpace;
import static dev.tdeveloper.security.waf.transform.ByteChars.lower;

/**
 * Case, whitespace, NUL and parity transformations, byte for byte as libmodsecurity applies them
 * ("C" locale: only ASCII letters change case, whitespace is {@code isspace}). Each scans for the
 * first byte it would change and returns the input itself when there is none. Stateless.
 */
final class TextNormalizers {
  private TextNormalizers() {}

  /**
   * {@code lowercase}: ASCII {@code A-Z} to {@code a-z}; other bytes (also 0xC0-0xDE) unchanged.
   */
  static String lowercase(String s) {
    int i = 0;
    int n = s.length();
    while (i < n && (s.charAt(i) < 'A' || s.charAt(i) > 'Z')) {
      i++;
    }
    if (i == n) {
      return s;
    }
    char[] out = s.toCharArray();
    for (; i < n; i++) {
      out[i] = lower(out[i]);
    }
    return new String(out);
  }

  /** {@code uppercase}: ASCII {@code a-z} to {@code A-Z}. */
  static String uppercase(String s) {
    int i = 0;
    int n = s.length();
    while (i < n && (s.charAt(i) < 'a' || s.charAt(i) > 'z')) {
      i++;
    }
    if (i == n) {
      return s;
    }
    char[] out = s.toCharArray();
    for (; i < n; i++) {
      char c = out[i];
      if (c >= 'a' && c <= 'z') {
        out[i] = (char) (c - 32);
      }
    }
    return new String(out);
  }

  /**
   * {@code compressWhitespace}: every run of {@code isspace} bytes becomes one space. As in
   * libmodsecurity v3 (unlike v2) a non-breaking space (0xA0) is not whitespace here.
   */
  static String compressWhitespace(String s) {
    int n = s.length();
    int i = 0;
    while (i < n) {
      char c = s.charAt(i);
      if (isSpace(c) && (c != ' ' || (i + 1 < n && isSpace(s.charAt(i + 1))))) {
        break;
      }
      i++;
    }
    if (i == n) {
      return s;
    }
    char[] out = new char[n];
    s.getChars(0, i, out, 0);
    int d = i;
    boolean inSpace = false;
    for (; i < n; i++) {
      char c = s.charAt(i);
      if (isSpace(c)) {
        if (!inSpace) {
          out[d++] = ' ';
          inSpace = true;
        }
      } else {
        out[d++] = c;
        inSpace = false;
      }
    }
    return new String(out, 0, d);
  }

  /** {@code removeWhitespace}: deletes {@code isspace} bytes and non-breaking spaces (0xA0). */
  static String removeWhitespace(String s) {
    return removeWhere(s, true);
  }

  /** {@code removeNulls}: deletes NUL bytes. */
  static String removeNulls(String s) {
    return removeWhere(s, false);
  }

  private static String removeWhere(String s, boolean whitespace) {
    int n = s.length();
    int i = 0;
    while (i < n && !removable(s.charAt(i), whitespace)) {
      i++;
    }
    if (i == n) {
      return s;
    }
    char[] out = new char[n];
    s.getChars(0, i, out, 0);
    int d = i;
    for (; i < n; i++) {
      char c = s.charAt(i);
      if (!removable(c, whitespace)) {
        out[d++] = c;
      }
    }
    return new String(out, 0, d);
  }

  private static boolean removable(char c, boolean whitespace) {
    return whitespace ? isSpace(c) || c == NBSP : c == 0;
  }

  /** {@code replaceNulls}: each NUL byte becomes a space. */
  static String replaceNulls(String s) {
    return s.indexOf(0) < 0 ? s : s.replace('\0', ' ');
  }

  /** {@code trim}: removes leading and trailing {@code isspace} bytes. */
  static String trim(String s) {
    return trim(s, true, true);
  }

  /** {@code trimLeft}: removes leading {@code isspace} bytes. */
  static String trimLeft(String s) {
    return trim(s, true, false);
  }

  /** {@code trimRight}: removes trailing {@code isspace} bytes. */
  static String trimRight(String s) {
    return trim(s, false, true);
  }

  private static String trim(String s, boolean left, boolean right) {
    int begin = 0;
    int end = s.length();
    if (right) {
      while (end > 0 && isSpace(s.charAt(end - 1))) {
        end--;
      }
    }
    if (left) {
      while (begin < end && isSpace(s.charAt(begin))) {
        begin++;
      }
    }
    return begin == 0 && end == s.length() ? s : s.substring(begin, end);
  }

  /**
   * {@code cmdLine}, ModSecurity's command-line normalisation: deletes {@code \ " ' ^}; turns each
   * run of space, tab, CR, LF, comma and semicolon into one space; deletes a space right before
   * {@code /} or {@code (}; lowercases ASCII letters. The deleted characters do not end a run of
   * spaces ({@code "a ^ b"} gives {@code "a b"}).
   */
  static String cmdLine(String s) {
    // Most values come out unchanged: find the first char that changes the output without
    // writing; up to it the output is the input (nothing deleted yet), so it is copied.
    int n = s.length();
    boolean space = false;
    int i = 0;
    for (; i < n; i++) {
      char c = s.charAt(i);
      if (c == ' ') {
        if (space) {
          break;
        }
        space = true;
      } else if (c == '/' || c == '(') {
        if (space) {
          break;
        }
      } else if (cmdLineDrops(c) || lower(c) != c) {
        break;
      } else {
        space = false;
      }
    }
    if (i == n) {
      return s;
    }
    char[] out = new char[n];
    s.getChars(0, i, out, 0);
    return cmdLine(s, i, out, space);
  }

  /** Chars that cmdLine deletes or turns into a space (other than the space itself). */
  private static boolean cmdLineDrops(char c) {
    return switch (c) {
      case '"', '\'', '\\', '^', ',', ';', '\t', '\r', '\n' -> true;
      default -> false;
    };
  }

  /** cmdLine from {@code from}, with {@code out} holding the input before it unchanged. */
  private static String cmdLine(String s, int from, char[] out, boolean spaceBefore) {
    int n = s.length();
    int d = from;
    boolean space = spaceBefore;
    boolean changed = false;
    for (int i = from; i < n; i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"', '\'', '\\', '^' -> changed = true;
        case ' ', ',', ';', '\t', '\r', '\n' -> {
          if (space) {
            changed = true;
          } else {
            changed |= c != ' ';
            out[d++] = ' ';
            space = true;
          }
        }
        case '/', '(' -> {
          if (space) {
            d--;
            changed = true;
          }
          space = false;
          out[d++] = c;
        }
        default -> {
          char l = lower(c);
          changed |= l != c;
          out[d++] = l;
          space = false;
        }
      }
    }
    return changed ? new String(out, 0, d) : s;
  }

  /**
   * {@code parityEven7bit}: bit 7 of each byte is set when the byte's bits (all eight, as
   * ModSecurity computes it) hold an odd number of ones, else cleared.
   */
  static String parityEven7bit(String s) {
    return parity(s, 1);
  }

  /**
   * {@code parityOdd7bit}: bit 7 cleared when the eight bits hold an odd number of ones, else set.
   */
  static String parityOdd7bit(String s) {
    return parity(s, 0);
  }

  /** {@code parityZero7bit}: bit 7 of every byte cleared. */
  static String parityZero7bit(String s) {
    return parity(s, -1);
  }

  private static String parity(String s, int setWhenOdd) {
    int n = s.length();
    char[] out = null;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      int v;
      if (setWhenOdd < 0) {
        v = c & 0x7F;
      } else {
        boolean odd = (Integer.bitCount(c & 0xFF) & 1) == 1;
        v = odd == (setWhenOdd == 1) ? c | 0x80 : c & 0x7F;
      }
      if (v != c) {
        if (out == null) {
          out = s.toCharArray();
        }
        out[i] = (char) v;
      }
    }
    return out == null ? s : new String(out);
  }
}
