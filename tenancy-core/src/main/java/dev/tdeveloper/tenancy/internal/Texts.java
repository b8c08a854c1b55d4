package dev.tdeveloper.tenancy.internal;

/**
 * Formatting of untrusted input for exception messages and events, shared by every module so that a
 * hostile value (a 10 KB header, control characters, confusable Unicode) never reaches a log line
 * raw. Stateless and thread-safe.
 */
public final class Texts {
  /** The most input characters a quoted value shows: {@value}. */
  public static final int QUOTE_LIMIT = 80;

  private Texts() {}

  /**
   * Quotes {@code value}: at most {@value #QUOTE_LIMIT} characters, anything but printable ASCII
   * (and the quote and backslash) escaped as {@code \\uXXXX}, the full length given when truncated.
   */
  public static String quote(CharSequence value) {
    int limit = Math.min(value.length(), QUOTE_LIMIT);
    StringBuilder out = new StringBuilder(limit + 32).append('\'');
    for (int i = 0; i < limit; i++) {
      char c = value.charAt(i);
      if (c >= 0x20 && c < 0x7f && c != '\'' && c != '\\') {
        out.append(c);
      } else {
        out.append(String.format("\\u%04x", (int) c));
      }
    }
    out.append('\'');
    if (value.length() > limit) {
      out.append("... (").append(value.length()).append(" characters)");
    }
    return out.toString();
  }

  /** Describes one character: {@code 'c'} when printable ASCII, else {@code U+XXXX}. */
  public static String describe(char c) {
    return c >= 0x20 && c < 0x7f ? "'" + c + "'" : String.format("U+%04X", (int) c);
  }

  /**
   * Returns what is wrong with {@code value} as a tenant id (a lowercase DNS label), or null when
   * it is valid; the one rule behind {@link dev.tdeveloper.tenancy.TenantId} and the resolvers.
   */
  public static String tenantIdProblem(String value) {
    int length = value.length();
    if (length == 0) {
      return "it is empty";
    }
    if (length > 63) {
      return "it is " + length + " characters long";
    }
    for (int i = 0; i < length; i++) {
      char c = value.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
        return "character "
            + describe(c)
            + " at index "
            + i
            + (c >= 'A' && c <= 'Z' ? " is upper case" : " is not allowed");
      }
    }
    if (value.charAt(0) == '-') {
      return "it starts with '-'";
    }
    if (value.charAt(length - 1) == '-') {
      return "it ends with '-'";
    }
    return null;
  }

  /** The longest text {@link #editDistance} compares: {@value}; longer is "too far". */
  public static final int EDIT_DISTANCE_LIMIT = 100;

  /**
   * Returns the Levenshtein distance between {@code a} and {@code b}, for "did you mean"
   * suggestions in error messages; {@link Integer#MAX_VALUE} when either is longer than {@value
   * #EDIT_DISTANCE_LIMIT} characters, so hostile input costs bounded work.
   */
  public static int editDistance(String a, String b) {
    if (a.length() > EDIT_DISTANCE_LIMIT || b.length() > EDIT_DISTANCE_LIMIT) {
      return Integer.MAX_VALUE;
    }
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] swap = prev;
      prev = cur;
      cur = swap;
    }
    return prev[b.length()];
  }
}
