package dev.tdeveloper.demo;

import dev.tdeveloper.security.pii.LogMasker;
import dev.tdeveloper.security.pii.PiiMasker;

/**
 * Keeps PII out of the demo's logs: every log argument that can carry user data (note text,
 * tenant-supplied values, rejected requests' details) goes through {@link #masked} or {@link
 * #excerpt}, which redact what the PII detector finds (e-mail addresses, card numbers, IBANs, phone
 * numbers...) as {@code [EMAIL]}, {@code [CREDIT_CARD]} and so on, only when the line is written.
 * Thread-safe.
 */
final class DemoLog {
  /** The longest excerpt of user text a log line shows, in characters: {@value}. */
  static final int EXCERPT = 60;

  private static final LogMasker MASKER = LogMasker.of(PiiMasker.builder().build());

  private DemoLog() {}

  /** Returns a log argument printing {@code value} with its PII redacted. */
  static Object masked(Object value) {
    return MASKER.lazy(value);
  }

  /**
   * Returns a log argument printing the start of {@code text} with its PII redacted: masked first,
   * then cut, so a value cut in half is never left unrecognised.
   */
  static Object excerpt(String text) {
    return new Object() {
      @Override
      public String toString() {
        String masked = MASKER.mask(text);
        return masked.length() <= EXCERPT
            ? masked
            : masked.substring(0, EXCERPT) + "... (" + text.length() + " characters)";
      }
    };
  }
}
