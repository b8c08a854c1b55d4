package dev.tdeveloper.tenancy.access;

/** Message helpers for untrusted input. Stateless and thread-safe. */
final class Texts {
  private Texts() {}

  /** Quotes {@code value} for a message: at most 80 characters, non-printable ASCII escaped. */
  static String quote(String value) {
    StringBuilder out = new StringBuilder("'");
    int shown = Math.min(value.length(), 80);
    for (int i = 0; i < shown; i++) {
      char c = value.charAt(i);
      if (c >= 0x20 && c < 0x7f && c != '\'') {
        out.append(c);
      } else {
        out.append(String.format("\\u%04x", (int) c));
      }
    }
    out.append('\'');
    if (value.length() > shown) {
      out.append("... (").append(value.length()).append(" characters)");
    }
    return out.toString();
  }

  /**
   * Checks that {@code value} is 1-{@code max} characters, not blank, without control characters.
   */
  static String requireText(String field, String value, int max) {
    if (value == null) {
      throw new NullPointerException(field);
    }
    boolean control = value.chars().anyMatch(Character::isISOControl);
    if (value.isBlank() || value.length() > max || control) {
      throw new IllegalArgumentException(
          field
              + " must be 1-"
              + max
              + " characters, not blank and without control characters, was "
              + quote(value));
    }
    return value;
  }
}
