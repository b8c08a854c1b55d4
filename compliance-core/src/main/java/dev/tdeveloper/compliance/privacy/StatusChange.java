package dev.tdeveloper.compliance.privacy;

import java.time.Instant;
import java.util.Objects;

/**
 * One step in the history of a {@link PrivacyRequest}. Immutable and thread-safe.
 *
 * @param status the status entered
 * @param at when
 * @param reason why, for the record (1 to 2000 characters)
 */
public record StatusChange(PrivacyRequestStatus status, Instant at, String reason) {
  /**
   * Checks the fields.
   *
   * @throws IllegalArgumentException if the reason is blank, too long or has control characters
   */
  public StatusChange {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(at, "at");
    Checks.text("reason", reason, 2000);
  }
}
