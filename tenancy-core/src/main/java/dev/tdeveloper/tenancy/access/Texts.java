package dev.tdeveloper.tenancy.access;

/** Message helpers for untrusted input. Stateless and thread-safe. */
final class Texts {
  private Texts() {}

  /** Quotes {@code value} for a message: at most 80 characters, non-printable ASCII escaped. */
  static String quote(String value) {
    return dev.tdeveloper.tenancy.internal.Texts.quote(value);
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
