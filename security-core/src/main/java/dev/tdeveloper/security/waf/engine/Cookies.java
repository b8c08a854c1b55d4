package dev.tdeveloper.security.waf.engine;

import dev.tdeveloper.security.waf.body.Arg;
import java.util.List;

/**
 * {@code Cookie} header parsing as libmodsecurity3 does it ({@code addRequestHeader}): the value is
 * split on every {@code ;}; trailing whitespace of the last pair is dropped; an empty pair is
 * skipped; name and value split on the first {@code =} (a pair without one is a name with an empty
 * value); leading whitespace of the name is dropped and a pair whose name is then empty is skipped.
 * Values are kept as sent: not trimmed, not URL-decoded. Stateless.
 */
final class Cookies {
  private Cookies() {}

  /**
   * Appends the cookies of one {@code Cookie} header value.
   *
   * @param header the header value, a byte string
   * @param out where the cookies go, in order
   */
  static void parse(String header, List<Arg> out) {
    int end = header.length();
    while (end > 0 && isSpace(header.charAt(end - 1))) {
      end--;
    }
    int start = 0;
    while (start < end) {
      int semi = header.indexOf(';', start);
      int pairEnd = semi < 0 || semi > end ? end : semi;
      addPair(header, start, pairEnd, out);
      start = pairEnd + 1;
    }
  }

  private static void addPair(String header, int start, int end, List<Arg> out) {
    int eq = header.indexOf('=', start);
    int nameEnd = eq < 0 || eq >= end ? end : eq;
    int nameStart = start;
    while (nameStart < nameEnd && isSpace(header.charAt(nameStart))) {
      nameStart++;
    }
    if (nameStart == nameEnd) {
      return;
    }
    String value = nameEnd < end ? header.substring(nameEnd + 1, end) : "";
    out.add(new Arg(header.substring(nameStart, nameEnd), value));
  }

  /** C's {@code isspace} in the "C" locale. */
  static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000b' || c == '\f' || c == '\r';
  }
}
