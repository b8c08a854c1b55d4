package dev.tdeveloper.security.waf.seclang;

import dev.tdeveloper.security.waf.WafException;

/**
 * Builds the parser's {@link WafException}s in the one format: {@code file:line: token: problem;
 * allowed: ...}.
 */
final class ParseErrors {
  private static final int MAX_TOKEN = 120;

  private ParseErrors() {}

  /**
   * An error at a place.
   *
   * @param at where the directive starts
   * @param token the offending token as written (shortened when long)
   * @param problem what is wrong
   * @param allowed what is allowed instead
   * @return the exception to throw
   */
  static WafException at(Location at, String token, String problem, String allowed) {
    return new WafException(at + ": " + shorten(token) + ": " + problem + "; allowed: " + allowed);
  }

  static String shorten(String token) {
    String t = token.length() > MAX_TOKEN ? token.substring(0, MAX_TOKEN) + "..." : token;
    StringBuilder out = new StringBuilder(t.length());
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        out.append(String.format("\\x%02x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
