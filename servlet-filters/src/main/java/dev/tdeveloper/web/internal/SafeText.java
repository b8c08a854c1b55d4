package dev.tdeveloper.web.internal;

import java.util.Objects;

/**
 * Makes untrusted text (header values, paths, resolver messages that may quote them) safe to put in
 * a response body or a log line: truncated, with control characters, non-ASCII characters and the
 * HTML-significant characters {@code < > & " \} written as {@code \}{@code uXXXX} escapes.
 *
 * <p>Stateless and thread-safe.
 */
public final class SafeText {
  /** The default number of input characters kept: {@value}. */
  public static final int DEFAULT_LIMIT = 80;

  private SafeText() {}

  /**
   * Returns {@code untrusted} escaped and cut to at most {@code limit} input characters; when cut,
   * {@code ... (N characters)} is appended so the reader knows the original length.
   *
   * @throws NullPointerException if {@code untrusted} is null
   * @throws IllegalArgumentException if {@code limit} is below 1
   */
  public static String clean(String untrusted, int limit) {
    return escape(untrusted, limit, false);
  }

  /**
   * Returns {@code untrusted} escaped, cut to {@value #DEFAULT_LIMIT} characters and wrapped in
   * single quotes (quotes inside are escaped too).
   *
   * @throws NullPointerException if {@code untrusted} is null
   */
  public static String quote(String untrusted) {
    return "'" + escape(untrusted, DEFAULT_LIMIT, true) + "'";
  }

  private static String escape(String untrusted, int limit, boolean escapeQuote) {
    Objects.requireNonNull(untrusted, "untrusted");
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, was " + limit);
    }
    int kept = Math.min(untrusted.length(), limit);
    int first = 0;
    while (first < kept && plain(untrusted.charAt(first), escapeQuote)) {
      first++;
    }
    if (first == untrusted.length()) {
      return untrusted; // nothing to escape or cut: the common case, without a copy
    }
    StringBuilder out = new StringBuilder(kept + 16).append(untrusted, 0, first);
    for (int i = first; i < kept; i++) {
      char c = untrusted.charAt(i);
      if (plain(c, escapeQuote)) {
        out.append(c);
      } else {
        out.append(String.format("\\u%04x", (int) c));
      }
    }
    if (untrusted.length() > kept) {
      out.append("... (").append(untrusted.length()).append(" characters)");
    }
    return out.toString();
  }

  private static boolean plain(char c, boolean escapeQuote) {
    return c >= 0x20
        && c < 0x7f
        && c != '<'
        && c != '>'
        && c != '&'
        && c != '"'
        && c != '\\'
        && !(escapeQuote && c == '\'');
  }
}
