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
    return dev.tdeveloper.tenancy.internal.Texts.describe(c);
  }

  /** Quotes untrusted input for an error message: at most 80 characters, non-ASCII escaped. */
  static String quote(String value) {
    return dev.tdeveloper.tenancy.internal.Texts.quote(value);
  }
}
