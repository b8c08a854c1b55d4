package dev.tdeveloper.security.waf.transform;

import static dev.tdeveloper.security.waf.transform.ByteChars.NBSP;
import static dev.tdeveloper.security.waf.transform.ByteChars.hexValue;
import static dev.tdeveloper.security.waf.transform.ByteChars.isAlnum;
import static dev.tdeveloper.security.waf.transform.ByteChars.isDigit;
import static dev.tdeveloper.security.waf.transform.ByteChars.isHex;
import static dev.tdeveloper.security.waf.transform.ByteChars.isOctal;
import static dev.tdeveloper.security.waf.transform.ByteChars.isSpace;
import static dev.tdeveloper.security.waf.transform.ByteChars.x2c;

/**
 * Decoders of escape syntaxes: HTML entities, JavaScript, CSS and ANSI C escapes, as libmodsecurity
 * decodes them. Every decoded code point becomes one byte (ModSecurity keeps the low byte, with a
 * full-width ASCII adjustment for {@code \\uFFxx} in JavaScript and CSS); an escape that does not
 * parse is left as it is. Output is never longer than input. Stateless.
 */
final class EscapeDecoders {
  private EscapeDecoders() {}

  /**
   * {@code htmlEntityDecode}: {@code &#DDD;}, {@code &#xHH;} (any number of digits, the low byte
   * kept; a value past the C {@code long} range gives 0xFF as {@code strtol} saturates) and the
   * named entities ModSecurity knows ({@code quot amp lt gt nbsp}, any case), each with or without
   * the closing semicolon. Anything else, such as {@code &copy;} or {@code &#;}, stays.
   */
  static String htmlEntityDecode(String s) {
    int i = s.indexOf('&');
    if (i < 0) {
      return s;
    }
    int n = s.length();
    char[] out = new char[n];
    s.getChars(0, i, out, 0);
    int d = i;
    while (i < n) {
      int copy = 1;
      if (s.charAt(i) == '&' && i + 1 < n) {
        int j = i + 1;
        if (s.charAt(j) == '#') {
          copy = 2;
          boolean hex = j + 1 < n && (s.charAt(j + 1) == 'x' || s.charAt(j + 1) == 'X');
          if (hex) {
            copy = 3;
            j++;
          }
          if (j + 1 < n) {
            int k = ++j;
            long value = 0;
            boolean overflow = false;
            while (j < n && (hex ? isHex(s.charAt(j)) : isDigit(s.charAt(j)))) {
              int digit = hex ? hexValue(s.charAt(j)) : s.charAt(j) - '0';
              int base = hex ? 16 : 10;
              if (value > (Long.MAX_VALUE - digit) / base) {
                overflow = true;
              } else {
                value = value * base + digit;
              }
              j++;
            }
            if (j > k) {
              out[d++] = overflow ? (char) 0xFF : (char) (value & 0xFF);
              i = j < n && s.charAt(j) == ';' ? j + 1 : j;
              continue;
            }
          }
        } else {
          int k = j;
          while (j < n && isAlnum(s.charAt(j))) {
            j++;
          }
          if (j > k) {
            char named = namedEntity(s, k, j);
            if (named != 0) {
              out[d++] = named;
              i = j < n && s.charAt(j) == ';' ? j + 1 : j;
              continue;
            }
            copy = j - k + 1;
          }
        }
      }
      s.getChars(i, i + copy, out, d);
      d += copy;
      i += copy;
    }
    return new String(out, 0, d);
  }

  private static char namedEntity(String s, int from, int to) {
    int len = to - from;
    if (len == 2 && s.regionMatches(true, from, "lt", 0, 2)) {
      return '<';
    } else if (len == 2 && s.regionMatches(true, from, "gt", 0, 2)) {
      return '>';
    } else if (len == 3 && s.regionMatches(true, from, "amp", 0, 3)) {
      return '&';
    } else if (len == 4 && s.regionMatches(true, from, "quot", 0, 4)) {
      return '"';
    } else if (len == 4 && s.regionMatches(true, from, "nbsp", 0, 4)) {
      return NBSP;
    }
    return 0;
  }

  /**
   * {@code jsDecode}: {@code \\uHHHH} (low byte, full-width ASCII {@code FF01-FF5E} plus 0x20),
   * {@code \\xHH}, octal {@code \\OOO} (at most one byte: a third digit is only taken when the
   * first is 0-3), {@code \\a \\b \\f \\n \\r \\t \\v}, and {@code \\C} as {@code C} for any other
   * character. A backslash at the very end stays.
   */
  static String jsDecode(String s) {
    int i = s.indexOf('\\');
    if (i < 0) {
      return s;
    }
    int n = s.length();
    char[] out = new char[n];
    s.getChars(0, i, out, 0);
    int d = i;
    while (i < n) {
      char c = s.charAt(i);
      if (c != '\\' || i + 1 == n) {
        out[d++] = c;
        i++;
        continue;
      }
      char e = s.charAt(i + 1);
      if (e == 'u' && i + 5 < n && hex4(s, i + 2)) {
        out[d++] =
            UrlCoding.uniByte(s.charAt(i + 2), s.charAt(i + 3), s.charAt(i + 4), s.charAt(i + 5));
        i += 6;
      } else if (e == 'x' && i + 3 < n && isHex(s.charAt(i + 2)) && isHex(s.charAt(i + 3))) {
        out[d++] = x2c(s.charAt(i + 2), s.charAt(i + 3));
        i += 4;
      } else if (isOctal(e)) {
        int j = octalRun(s, i + 1);
        if (j == 3 && e > '3') {
          j = 2;
        }
        out[d++] = (char) (octal(s, i + 1, j) & 0xFF);
        i += 1 + j;
      } else {
        out[d++] = controlEscape(e, e);
        i += 2;
      }
    }
    return new String(out, 0, d);
  }

  private static boolean hex4(String s, int at) {
    return isHex(s.charAt(at))
        && isHex(s.charAt(at + 1))
        && isHex(s.charAt(at + 2))
        && isHex(s.charAt(at + 3));
  }

  /** How many octal digits (at most 3) start at {@code at}. */
  private static int octalRun(String s, int at) {
    int j = 0;
    while (j < 3 && at + j < s.length() && isOctal(s.charAt(at + j))) {
      j++;
    }
    return j;
  }

  private static int octal(String s, int at, int digits) {
    int v = 0;
    for (int k = 0; k < digits; k++) {
      v = v * 8 + s.charAt(at + k) - '0';
    }
    return v;
  }

  /** The byte of a C control escape letter, or {@code otherwise}. */
  private static char controlEscape(char letter, char otherwise) {
    return switch (letter) {
      case 'a' -> 7;
      case 'b' -> '\b';
      case 'f' -> '\f';
      case 'n' -> '\n';
      case 'r' -> '\r';
      case 't' -> '\t';
      case 'v' -> 11;
      default -> otherwise;
    };
  }

  /**
   * {@code cssDecode} (CSS 2 escapes): a backslash and one to six hex digits become one byte (the
   * last two digits; for four digits, and five or six with leading zeros, full-width ASCII {@code
   * FF01-FF5E} gets 0x20 added) and one whitespace after the digits is consumed; a backslash before
   * a newline is deleted with the newline; before any other character it is deleted; a backslash at
   * the very end is deleted.
   */
  static String cssDecode(String s) {
    int i = s.indexOf('\\');
    if (i < 0) {
      return s;
    }
    int n = s.length();
    char[] out = new char[n];
    s.getChars(0, i, out, 0);
    int d = i;
    while (i < n) {
      char c = s.charAt(i);
      if (c != '\\') {
        out[d++] = c;
        i++;
        continue;
      }
      i++;
      if (i == n) {
        break;
      }
      int j = 0;
      while (j < 6 && i + j < n && isHex(s.charAt(i + j))) {
        j++;
      }
      if (j == 0) {
        if (s.charAt(i) != '\n') {
          out[d++] = s.charAt(i);
        }
        i++;
        continue;
      }
      char b =
          j == 1 ? (char) hexValue(s.charAt(i)) : x2c(s.charAt(i + j - 2), s.charAt(i + j - 1));
      boolean fullCheck =
          j == 4
              || (j == 5 && s.charAt(i) == '0')
              || (j == 6 && s.charAt(i) == '0' && s.charAt(i + 1) == '0');
      if (fullCheck
          && b > 0
          && b < 0x5F
          && (s.charAt(i + j - 3) | 0x20) == 'f'
          && (s.charAt(i + j - 4) | 0x20) == 'f') {
        b += 0x20;
      }
      out[d++] = b;
      if (i + j < n && isSpace(s.charAt(i + j))) {
        j++;
      }
      i += j;
    }
    return new String(out, 0, d);
  }

  /**
   * {@code escapeSeqDecode} (ANSI C escapes): {@code \\a \\b \\f \\n \\r \\t \\v \\\\ \\? \\' \\"},
   * {@code \\xHH} (either case of {@code x}) and octal {@code \\O} to {@code \\OOO} (low byte). An
   * escape it does not recognise, such as {@code \\z} or a short {@code \\x4}, loses its backslash,
   * as in ModSecurity; a backslash at the very end stays.
   */
  static String escapeSeqDecode(String s) {
    int i = s.indexOf('\\');
    if (i < 0) {
      return s;
    }
    int n = s.length();
    char[] out = new char[n];
    s.getChars(0, i, out, 0);
    int d = i;
    while (i < n) {
      char c = s.charAt(i);
      if (c != '\\' || i + 1 == n) {
        out[d++] = c;
        i++;
        continue;
      }
      char e = s.charAt(i + 1);
      int simple = e == '\\' || e == '?' || e == '\'' || e == '"' ? e : controlEscape(e, (char) 0);
      if (simple != 0) {
        out[d++] = (char) simple;
        i += 2;
      } else if ((e == 'x' || e == 'X')
          && i + 3 < n
          && isHex(s.charAt(i + 2))
          && isHex(s.charAt(i + 3))) {
        out[d++] = x2c(s.charAt(i + 2), s.charAt(i + 3));
        i += 4;
      } else if (isOctal(e)) {
        int j = octalRun(s, i + 1);
        out[d++] = (char) (octal(s, i + 1, j) & 0xFF);
        i += 1 + j;
      } else {
        out[d++] = e;
        i += 2;
      }
    }
    return new String(out, 0, d);
  }
}
