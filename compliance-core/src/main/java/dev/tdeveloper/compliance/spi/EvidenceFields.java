package dev.tdeveloper.compliance.spi;

import dev.tdeveloper.tenancy.internal.Texts;
import java.util.Objects;
import java.util.regex.Pattern;

/** Field checks shared by the evidence value types; messages name the type, field and rule. */
final class EvidenceFields {
  static final Pattern ID = Pattern.compile("[a-z][a-z0-9]*(?:[._-][a-z0-9]+)*");

  private EvidenceFields() {}

  static String text(String type, String field, String value, int max) {
    Objects.requireNonNull(value, field);
    if (value.isBlank() || value.length() > max) {
      throw new IllegalArgumentException(
          type
              + "."
              + field
              + " must have 1 to "
              + max
              + " characters and not be blank, got "
              + value.length()
              + " characters");
    }
    for (int i = 0; i < value.length(); i++) {
      if (Character.isISOControl(value.charAt(i))) {
        throw new IllegalArgumentException(
            type
                + "."
                + field
                + " holds a control character ("
                + Texts.describe(value.charAt(i))
                + ") at index "
                + i);
      }
    }
    return value;
  }

  static String id(String type, String field, String value) {
    text(type, field, value, 128);
    if (!ID.matcher(value).matches()) {
      throw new IllegalArgumentException(
          type
              + "."
              + field
              + " "
              + Texts.quote(value)
              + " is invalid: use lower-case letters and digits separated by '.', '_' or '-', "
              + "such as 'audit.chain-verified'");
    }
    return value;
  }

  /** Makes untrusted text (an exception message) fit a field: no control characters, bounded. */
  static String sanitize(String value, int max) {
    StringBuilder out = new StringBuilder(Math.min(value.length(), max));
    for (int i = 0; i < value.length() && out.length() < max; i++) {
      char c = value.charAt(i);
      out.append(Character.isISOControl(c) ? ' ' : c);
    }
    String s = out.toString().strip();
    return s.isEmpty() ? "(no message)" : s;
  }
}
