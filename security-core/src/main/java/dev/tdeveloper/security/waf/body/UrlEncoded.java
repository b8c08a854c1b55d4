package dev.tdeveloper.security.waf.body;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code application/x-www-form-urlencoded} as ModSecurity parses query strings and URL-encoded
 * bodies: split on the separator, name and value split on the first {@code =}, both URL-decoded
 * ({@code +} is a space; an invalid {@code %} escape is kept as it is and reported). Stateless.
 */
public final class UrlEncoded {
  private UrlEncoded() {}

  /**
   * The arguments of a query string or body.
   *
   * @param text a byte string
   * @param separator the argument separator ({@code SecArgumentSeparator}, {@code &})
   * @return the arguments in order; an empty segment ({@code a=1&&b=2}) gives none
   */
  public static List<Arg> parse(String text, char separator) {
    List<Arg> out = new ArrayList<>();
    int start = 0;
    int n = text.length();
    while (start <= n) {
      int end = text.indexOf(separator, start);
      if (end < 0) {
        end = n;
      }
      if (end > start) {
        String pair = text.substring(start, end);
        int eq = pair.indexOf('=');
        out.add(
            eq < 0
                ? new Arg(decode(pair), "")
                : new Arg(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1))));
      }
      start = end + 1;
    }
    return out;
  }

  /**
   * Whether a query string or body holds an invalid {@code %} escape ({@code URLENCODED_ERROR}).
   *
   * @param text a byte string
   * @return true when some {@code %} is not followed by two hex digits
   */
  public static boolean hasInvalidEscape(String text) {
    for (int i = text.indexOf('%'); i >= 0; i = text.indexOf('%', i + 1)) {
      if (i + 2 >= text.length() || hex(text.charAt(i + 1)) < 0 || hex(text.charAt(i + 2)) < 0) {
        return true;
      }
    }
    return false;
  }

  /** URL-decodes a byte string: {@code %XX} to its byte, {@code +} to a space. */
  static String decode(String s) {
    if (s.indexOf('%') < 0 && s.indexOf('+') < 0) {
      return s;
    }
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '+') {
        b.append(' ');
      } else if (c == '%'
          && i + 2 < s.length()
          && hex(s.charAt(i + 1)) >= 0
          && hex(s.charAt(i + 2)) >= 0) {
        b.append((char) (hex(s.charAt(i + 1)) * 16 + hex(s.charAt(i + 2))));
        i += 2;
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  private static int hex(char c) {
    return Character.digit(c, 16) >= 0 && c < 128 ? Character.digit(c, 16) : -1;
  }
}
