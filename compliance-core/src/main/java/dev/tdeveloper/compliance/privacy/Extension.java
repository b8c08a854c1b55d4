package dev.tdeveloper.compliance.privacy;

import java.time.Instant;
import java.util.Objects;

/**
 * An extension of a {@link PrivacyRequest}'s deadline under GDPR Art. 12(3), which the controller
 * must explain to the subject. Immutable and thread-safe.
 *
 * @param months by how many calendar months (1 or 2)
 * @param reason why, as told to the subject (1 to 2000 characters)
 * @param at when the extension was decided
 */
public record Extension(int months, String reason, Instant at) {
  /**
   * Checks the fields.
   *
   * @throws IllegalArgumentException if months is not 1 or 2 or the reason is invalid
   */
  public Extension {
    if (months < 1 || months > PrivacyRequest.MAX_EXTENSION_MONTHS) {
      throw new IllegalArgumentException(
          "extension months must be 1 to "
              + PrivacyRequest.MAX_EXTENSION_MONTHS
              + ", was "
              + months);
    }
    Checks.text("extension reason", reason, 2000);
    Objects.requireNonNull(at, "at");
  }
}
