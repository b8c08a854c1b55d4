package dev.tdeveloper.compliance.privacy;

import dev.tdeveloper.tenancy.internal.Texts;
import java.util.Objects;
import java.util.regex.Pattern;

/** Argument checks shared by the privacy types, so their messages read alike. Stateless. */
final class Checks {
  private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9._-]*");

  private Checks() {}

  /**
   * Checks a text that may hold personal data: the message names the field and the rule, never the
   * value itself.
   */
  static String secret(String field, String value, int max) {
    Objects.requireNonNull(value, field);
    if (value.isBlank() || value.length() > max || hasControl(value)) {
      throw new IllegalArgumentException(
          field
              + " must be 1 to "
              + max
              + " characters, not blank, without control characters"
              + " (was "
              + value.length()
              + " characters; the value is not shown)");
    }
    return value;
  }

  /** Checks a text without personal data, quoting it in the message. */
  static String text(String field, String value, int max) {
    Objects.requireNonNull(value, field);
    if (value.isBlank() || value.length() > max || hasControl(value)) {
      throw new IllegalArgumentException(
          field
              + " "
              + Texts.quote(value)
              + " is invalid: 1 to "
              + max
              + " characters, not blank, without control characters allowed");
    }
    return value;
  }

  /** Checks a name such as an identifier kind, a category or a purpose. */
  static String name(String field, String value) {
    Objects.requireNonNull(value, field);
    if (value.length() > 64 || !NAME.matcher(value).matches()) {
      throw new IllegalArgumentException(
          field
              + " "
              + Texts.quote(value)
              + " is invalid: 1 to 64 characters of letters, digits,"
              + " '.', '_' and '-', starting with a letter");
    }
    return value;
  }

  private static boolean hasControl(String value) {
    return value.chars().anyMatch(Character::isISOControl);
  }
}
