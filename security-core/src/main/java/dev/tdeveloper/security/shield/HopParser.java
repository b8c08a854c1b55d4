package dev.tdeveloper.security.shield;

/**
 * Parses the entries of forwarding headers in place, without copying; see {@link ClientIpResolver}.
 */
final class HopParser {
  /** Returned by {@link #lastSeparator} when a quoted string is not closed. */
  static final int UNBALANCED = -2;

  private HopParser() {}

  /**
   * Returns the index of the last {@code ,} before {@code end} outside a quoted string, -1 if none,
   * or {@link #UNBALANCED}. Elements holding a backslash are rejected later, so escaped quotes
   * cannot shift an element boundary into a well-formed element.
   */
  static int lastSeparator(String s, int end) {
    boolean quoted = false;
    for (int i = end - 1; i >= 0; i--) {
      char c = s.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (c == ',' && !quoted) {
        return i;
      }
    }
    return quoted ? UNBALANCED : -1;
  }

  static int skipSpace(String s, int from, int to) {
    while (from < to && (s.charAt(from) == ' ' || s.charAt(from) == '\t')) {
      from++;
    }
    return from;
  }

  static int trimSpace(String s, int from, int to) {
    while (to > from && (s.charAt(to - 1) == ' ' || s.charAt(to - 1) == '\t')) {
      to--;
    }
    return to;
  }

  /**
   * Parses one node: {@code 192.0.2.1}, {@code 192.0.2.1:80}, {@code 2001:db8::1}, {@code
   * [2001:db8::1]} or {@code [2001:db8::1]:80}; null if it is anything else.
   */
  static IpAddress node(String s, int from, int to) {
    if (from >= to) {
      return null;
    }
    if (s.charAt(from) == '[') {
      int close = s.indexOf(']', from);
      if (close < 0 || close >= to) {
        return null;
      }
      int colon = s.indexOf(':', from);
      IpAddress address = colon < 0 || colon > close ? null : IpParser.parse(s, from + 1, close);
      if (address == null) {
        return null;
      }
      return close + 1 == to || (s.charAt(close + 1) == ':' && isPort(s, close + 2, to))
          ? address
          : null;
    }
    int colon = -1;
    int colons = 0;
    for (int i = from; i < to; i++) {
      if (s.charAt(i) == ':') {
        colon = i;
        colons++;
      }
    }
    if (colons == 1) {
      long v4 = IpParser.parseIpv4(s, from, colon);
      return v4 >= 0 && isPort(s, colon + 1, to) ? IpAddress.ofIpv4((int) v4) : null;
    }
    return IpParser.parse(s, from, to);
  }

  /**
   * Parses one {@code Forwarded} element ({@code for=...;proto=...;by=...}) and returns its {@code
   * for} node; null if the element is malformed, has no or several {@code for}, or the node is not
   * an address ({@code unknown}, {@code _hidden}).
   */
  static IpAddress forwardedFor(String s, int from, int to) {
    IpAddress found = null;
    int pairStart = from;
    boolean quoted = false;
    for (int i = from; i <= to; i++) {
      char c = i < to ? s.charAt(i) : ';';
      if (c == '\\') {
        return null;
      }
      if (c == '"') {
        quoted = !quoted;
      } else if (c == ';' && !quoted) {
        int a = skipSpace(s, pairStart, i);
        int b = trimSpace(s, a, i);
        int eq = s.indexOf('=', a);
        if (a == b || eq < 0 || eq >= b || eq == a) {
          return null;
        }
        if (eq - a == 3 && s.regionMatches(true, a, "for", 0, 3)) {
          if (found != null) {
            return null;
          }
          int v = eq + 1;
          int w = b;
          if (w - v >= 2 && s.charAt(v) == '"' && s.charAt(w - 1) == '"') {
            v++;
            w--;
          }
          found = node(s, v, w);
          if (found == null) {
            return null;
          }
        }
        pairStart = i + 1;
      }
    }
    return quoted ? null : found;
  }

  private static boolean isPort(String s, int from, int to) {
    int length = to - from;
    if (length < 1 || length > 5) {
      return false;
    }
    int value = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
      value = value * 10 + (c - '0');
    }
    return value <= 65535;
  }
}
