package dev.tdeveloper.security.shield;

/** Formatting of untrusted input for error messages and events. */
final class Texts {
  private static final int MAX_QUOTED = 80;

  private Texts() {}

  /** Quotes {@code value}: at most 80 characters, control and non-ASCII characters escaped. */
  static String quote(CharSequence value) {
    return dev.tdeveloper.tenancy.internal.Texts.quote(value);
  }
}
