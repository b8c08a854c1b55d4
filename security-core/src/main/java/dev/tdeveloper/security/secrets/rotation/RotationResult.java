package dev.tdeveloper.security.secrets.rotation;

import java.time.Instant;

/** What {@link SecretRotator#rotate()} and {@link SecretRotator#rotateIfDue()} did. Immutable. */
public sealed interface RotationResult {
  /**
   * The candidate was promoted to CURRENT.
   *
   * @param versionId the new CURRENT version
   * @param user the user the new credential belongs to
   */
  record Rotated(String versionId, String user) implements RotationResult {}

  /**
   * The rotation failed at {@code step}; CURRENT is untouched.
   *
   * @param versionId the abandoned candidate's version
   * @param step the step that failed
   * @param reason what failed (never a value)
   */
  record Failed(String versionId, RotationStep step, String reason) implements RotationResult {}

  /**
   * The secret is not due yet and no rotation was unfinished.
   *
   * @param dueAt when it will be due
   */
  record NotDue(Instant dueAt) implements RotationResult {}
}
