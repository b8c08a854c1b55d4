package dev.tdeveloper.security.posture;

import java.util.Objects;

/** Validation of the short texts findings are made of. */
final class Texts {
  private Texts() {}

  /**
   * Checks that {@code value} is one non-blank line of at most {@code max} characters.
   *
   * @throws IllegalArgumentException naming {@code field} otherwise
   */
  static String requireLine(String field, String value, int max) {
    Objects.requireNonNull(value, field);
    if (value.isBlank()) {
      throw new IllegalArgumentException(field + " must not be blank");
    }
    if (value.length() > max) {
      throw new IllegalArgumentException(
          field + " must be at most " + max + " characters, was " + value.length());
    }
    if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
      throw new IllegalArgumentException(field + " must be one line: '" + shorten(value) + "'");
    }
    return value;
  }

  static String shorten(String text) {
    return text.length() > 60 ? text.substring(0, 60) + "..." : text;
  }

  /** Cuts {@code text} to {@link Finding#MAX_VALUE_LENGTH} characters, marking the cut. */
  static String limit(String text) {
    int max = Finding.MAX_VALUE_LENGTH;
    return text.length() <= max ? text : text.substring(0, max - 3) + "...";
  }

  /** Names a failure without its message, which might hold something secret. */
  static String failure(RuntimeException e) {
    return e.getClass().getName();
  }
}
