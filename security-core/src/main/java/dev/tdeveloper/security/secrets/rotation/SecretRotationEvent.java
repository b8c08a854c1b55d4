package dev.tdeveloper.security.secrets.rotation;

import dev.tdeveloper.security.spi.SecretName;
import java.time.Instant;
import java.util.Optional;

/**
 * What a {@link SecretRotator} tells its listeners, for the audit log: a rotation started (or
 * resumed), each step done, the candidate promoted, or the rotation failed. Events name secrets,
 * versions and users, never values. Immutable.
 */
public sealed interface SecretRotationEvent {
  /** Returns the rotated secret. */
  SecretName name();

  /** Returns the version the rotation creates. */
  String versionId();

  /** Returns when the event happened, by the rotator's clock. */
  Instant at();

  /**
   * A rotation started, or resumed one a crash (or another rotator) left unfinished.
   *
   * @param name the secret
   * @param versionId the candidate's version
   * @param resumed whether it continues an earlier rotation
   * @param at when
   */
  record Started(SecretName name, String versionId, boolean resumed, Instant at)
      implements SecretRotationEvent {}

  /**
   * A step completed (and was recorded).
   *
   * @param name the secret
   * @param versionId the candidate's version
   * @param step the step
   * @param user the user the candidate belongs to
   * @param at when
   */
  record StepDone(SecretName name, String versionId, RotationStep step, String user, Instant at)
      implements SecretRotationEvent {}

  /**
   * The candidate became CURRENT.
   *
   * @param name the secret
   * @param versionId the new CURRENT version
   * @param previousVersion the version now PREVIOUS, empty for a secret's first version
   * @param at when
   */
  record Promoted(SecretName name, String versionId, Optional<String> previousVersion, Instant at)
      implements SecretRotationEvent {}

  /**
   * The rotation failed; CURRENT is untouched.
   *
   * @param name the secret
   * @param versionId the abandoned candidate's version
   * @param step the step that failed
   * @param reason what failed (never a value)
   * @param at when
   */
  record Failed(SecretName name, String versionId, RotationStep step, String reason, Instant at)
      implements SecretRotationEvent {}
}
