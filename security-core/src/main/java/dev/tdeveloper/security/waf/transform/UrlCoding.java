package dev.tdeveloper.security.waf.transform;

import static dev.tdeveloper.security.waf.transform.ByteChars.hexDigit;
import static dev.tdeveloper.security.waf.transform.ByteChars.isHex;
import static dev.tdeveloper.security.waf.transform.ByteChars.x2c;

/**
 * URL decoding and encoding as libmodsecurity does it: non-strict decoding (an invalid or truncated
 * escape is kept as it is), {@code +} as a space, and for {@code urlDecodeUni} the IIS {@code
 * %uHHHH} form reduced to one byte. Stateless.
 */
final class UrlCoding {
  private UrlCoding() {}

  /**
   * {@code urlDecode}: {@code %HH} becomes the byte, {@code +} a space; a {@code %} not followed by
   * two hex digits stays.
   */
  static String urlDecode(String s) {
    return decode(s, false);
  }

  /**
   * {@code urlDecodeUni}: {@code urlDecode} plus {@code %uHHHH} (either case of {@code u}). With no
   * unicode map configured (this engine has none) ModSecurity keeps the low byte, and for the
   * full-width ASCII forms {@code %uFF01..%uFF5E} the low byte plus 0x20 (U+FF21 gives {@code A}).
   * An invalid or truncated {@code %u} is kept, both characters, and decoding goes on after it.
   */
  static String urlDecodeUni(String s) {
    return decode(s, true);
  }

  private static String decode(String s, boolean uni) {
    int n = s.length();
    int i = 0;
    while (i < n && s.charAt(i) != '%' && s.charAt(i) != '+') {
      i++;
    }
    if (i == n) {
      return s;
    }
    char[] out = new char[n];
    s.getChars(0, i, out, 0);
    int d = i;
    while (i < n) {
      char c = s.charAt(i);
      if (c == '%') {
        char next = i + 1 < n ? s.charAt(i + 1) : 0;
        if (uni && (next == 'u' || next == 'U')) {
          if (i + 5 < n
              && isHex(s.charAt(i + 2))
              && isHex(s.charAt(i + 3))
              && isHex(s.charAt(i + 4))
              && isHex(s.charAt(i + 5))) {
            out[d++] = uniByte(s.charAt(i + 2), s.charAt(i + 3), s.charAt(i + 4), s.charAt(i + 5));
            i += 6;
          } else {
            out[d++] = c;
            out[d++] = next;
            i += 2;
          }
        } else if (i + 2 < n && isHex(next) && isHex(s.charAt(i + 2))) {
          out[d++] = x2c(next, s.charAt(i + 2));
          i += 3;
        } else {
          out[d++] = c;
          i++;
        }
      } else {
        out[d++] = c == '+' ? ' ' : c;
        i++;
      }
    }
    return new String(out, 0, d);
  }

  /** The byte ModSecurity keeps of {@code %uABCD}, with the full-width ASCII adjustment. */
  static char uniByte(char a, char b, char c, char d) {
    char low = x2c(c, d);
    if (low > 0 && low < 0x5F && (a == 'f' || a == 'F') && (b == 'f' || b == 'F')) {
      return (char) (low + 0x20);
    }
    return low;
  }

  /**
   * {@code urlEncode}: a space becomes {@code +}; {@code *}, digits and ASCII letters stay; every
   * other byte becomes {@code %hh} (lowercase hex, as ModSecurity writes it).
   */
  static String urlEncode(String s) {
    int n = s.length();
    int i = 0;
    while (i < n && unreserved(s.charAt(i))) {
      i++;
    }
    if (i == n) {
      return s;
    }
    StringBuilder out = new StringBuilder(n + 16);
    out.append(s, 0, i);
    for (; i < n; i++) {
      char c = s.charAt(i);
      if (c == ' ') {
        out.append('+');
      } else if (unreserved(c)) {
        out.append(c);
      } else {
        out.append('%').append(hexDigit(c >> 4)).append(hexDigit(c));
      }
    }
    return out.toString();
  }

  private static boolean unreserved(char c) {
    return c == '*' || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
  }
}
