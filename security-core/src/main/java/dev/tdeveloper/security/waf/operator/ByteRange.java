package dev.tdeveloper.security.waf.operator;

/**
 * {@code @validateByteRange}: the allowed bytes as a 256-bit set, parsed from ModSecurity's list
 * ({@code "9,10,13,32-126,128-255"}); the operator matches when the input has a byte outside the
 * set. Immutable and thread-safe; evaluation is allocation-free.
 */
final class ByteRange {
  private final long[] allowed = new long[4];

  private ByteRange() {}

  /**
   * Parses a list of bytes and inclusive ranges, separated by commas (white space around items
   * ignored).
   *
   * @throws IllegalArgumentException naming the item when it is not {@code N} or {@code N-M} with
   *     {@code 0 <= N <= M <= 255}, or when the list is empty (ModSecurity v3 would silently drop a
   *     bad item; a rule that silently allows nothing is a mistake we report)
   */
  static ByteRange parse(String param) {
    ByteRange range = new ByteRange();
    if (param.isBlank()) {
      throw new IllegalArgumentException("no byte ranges");
    }
    for (String item : param.split(",", -1)) {
      String t = item.strip();
      int dash = t.indexOf('-', 1);
      int from = number(dash < 0 ? t : t.substring(0, dash), item);
      int to = dash < 0 ? from : number(t.substring(dash + 1), item);
      if (from > to) {
        throw new IllegalArgumentException("range start above its end: " + item.strip());
      }
      for (int b = from; b <= to; b++) {
        range.allowed[b >>> 6] |= 1L << b;
      }
    }
    return range;
  }

  /** Whether some byte of the input is outside the set (a char above 255 always is). */
  boolean hasByteOutside(String in) {
    for (int i = 0, n = in.length(); i < n; i++) {
      int c = in.charAt(i);
      if (c > 0xff || (allowed[c >>> 6] & (1L << c)) == 0) {
        return true;
      }
    }
    return false;
  }

  private static int number(String text, String item) {
    String t = text.strip();
    if (t.isEmpty() || t.length() > 3) {
      throw new IllegalArgumentException("not a byte value: " + item.strip());
    }
    int v = 0;
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c < '0' || c > '9') {
        throw new IllegalArgumentException("not a byte value: " + item.strip());
      }
      v = v * 10 + (c - '0');
    }
    if (v > 255) {
      throw new IllegalArgumentException("byte value above 255: " + item.strip());
    }
    return v;
  }
}
