package dev.tdeveloper.tenancy.usage;

/** Validation helpers shared by the usage value types. */
final class Checks {
  private Checks() {}

  /**
   * Returns what is wrong with {@code value} as a token (1 to {@code max} characters of {@code
   * [a-z0-9_.-]} starting with a letter), or null when it is valid.
   */
  static String tokenProblem(String value, int max) {
    if (value.isEmpty()) {
      return "it is empty";
    }
    if (value.length() > max) {
      return "it is " + value.length() + " characters long";
    }
    char first = value.charAt(0);
    if (first < 'a' || first > 'z') {
      return "it does not start with a lowercase letter";
    }
    for (int i = 1; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-';
      if (!ok) {
        return "character " + describe(c) + " at index " + i + " is not allowed";
      }
    }
    return null;
  }

  /** Describes one character for an error message. */
  static String describe(char c) {
    return c >= 0x20 && c < 0x7f ? "'" + c + "'" : String.format("U+%04X", (int) c);
  }

  /** Quotes untrusted input for an error message: at most 80 characters, non-ASCII escaped. */
  static String quote(String value) {
    StringBuilder out = new StringBuilder("'");
    int limit = Math.min(value.length(), 80);
    for (int i = 0; i < limit; i++) {
      char c = value.charAt(i);
      if (c >= 0x20 && c < 0x7f && c != '\'') {
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
