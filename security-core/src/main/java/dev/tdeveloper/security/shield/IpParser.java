package dev.tdeveloper.security.shield;

/**
 * A strict parser of IP address literals over a range of characters, so header entries are parsed
 * without copying. It never resolves names: anything that is not a literal is rejected.
 */
final class IpParser {
  /** The longest literal: {@code ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255}. */
  static final int MAX_LITERAL = 45;

  private IpParser() {}

  /**
   * Parses an IPv4 or IPv6 literal in {@code s[from, to)}; returns null if it is not one. IPv4 is
   * four decimal octets without leading zeros; IPv6 is RFC 4291 text (one {@code ::}, an optional
   * trailing dotted IPv4 part), without a zone id or brackets.
   */
  static IpAddress parse(CharSequence s, int from, int to) {
    int length = to - from;
    if (length < 2 || length > MAX_LITERAL) {
      return null;
    }
    for (int i = from; i < to; i++) {
      if (s.charAt(i) == ':') {
        return parseIpv6(s, from, to);
      }
    }
    long v4 = parseIpv4(s, from, to);
    return v4 < 0 ? null : IpAddress.ofIpv4((int) v4);
  }

  /** Returns the unsigned 32-bit value of a dotted IPv4 literal, or -1. */
  static long parseIpv4(CharSequence s, int from, int to) {
    long result = 0;
    int octets = 0;
    int i = from;
    while (true) {
      int start = i;
      int value = 0;
      while (i < to && isDigit(s.charAt(i))) {
        value = value * 10 + (s.charAt(i) - '0');
        i++;
        if (i - start > 3) {
          return -1;
        }
      }
      if (i == start || value > 255 || (i - start > 1 && s.charAt(start) == '0')) {
        return -1;
      }
      result = (result << 8) | value;
      octets++;
      if (i == to) {
        return octets == 4 ? result : -1;
      }
      if (s.charAt(i) != '.' || octets == 4) {
        return -1;
      }
      i++;
    }
  }

  private static IpAddress parseIpv6(CharSequence s, int from, int to) {
    int[] groups = new int[8];
    int count = 0;
    int gap = -1;
    int i = from;
    if (s.charAt(i) == ':') {
      if (s.charAt(i + 1) != ':') {
        return null;
      }
      gap = 0;
      i += 2;
    }
    while (i < to) {
      if (count == 8) {
        return null;
      }
      int start = i;
      int value = 0;
      while (i < to && hex(s.charAt(i)) >= 0) {
        value = (value << 4) | hex(s.charAt(i));
        i++;
      }
      if (i < to && s.charAt(i) == '.') {
        long v4 = count > 6 ? -1 : parseIpv4(s, start, to);
        if (v4 < 0) {
          return null;
        }
        groups[count++] = (int) (v4 >>> 16);
        groups[count++] = (int) (v4 & 0xffff);
        break;
      }
      if (i == start || i - start > 4) {
        return null;
      }
      groups[count++] = value;
      if (i == to) {
        break;
      }
      if (s.charAt(i) != ':' || i + 1 == to) {
        return null;
      }
      i++;
      if (s.charAt(i) == ':') {
        if (gap >= 0) {
          return null;
        }
        gap = count;
        i++;
      }
    }
    if (gap < 0 ? count != 8 : count == 8) {
      return null;
    }
    long high = 0;
    long low = 0;
    int missing = 8 - count;
    for (int g = 0, src = 0; g < 8; g++) {
      int value = (gap >= 0 && g >= gap && g < gap + missing) ? 0 : groups[src++];
      if (g < 4) {
        high = (high << 16) | value;
      } else {
        low = (low << 16) | value;
      }
    }
    return IpAddress.ofIpv6(high, low);
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static int hex(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }
}
