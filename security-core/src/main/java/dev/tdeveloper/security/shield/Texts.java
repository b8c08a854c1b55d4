package dev.tdeveloper.security.shield;

/** Formatting of untrusted input for error messages and events. */
final class Texts {
  private static final int MAX_QUOTED = 80;

  private Texts() {}

  /** Quotes {@code value}: at most 80 characters, control and non-ASCII characters escaped. */
  static String quote(CharSequence value) {
    StringBuilder out = new StringBuilder(Math.min(value.length(), MAX_QUOTED) + 2).append('\'');
    int limit = Math.min(value.length(), MAX_QUOTED);
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
}
