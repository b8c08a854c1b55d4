package dev.tdeveloper.security.spi;

import java.util.Objects;
import java.util.Optional;

/** A {@link SecretStore} holds no such secret, or no such version of it; nothing was changed. */
public class SecretNotFoundException extends SecretStoreException {
  private static final long serialVersionUID = 1L;

  private final transient SecretName secret;
  private final String versionId;

  /**
   * Creates the exception for a missing secret ({@code versionId} empty) or a missing version.
   *
   * @param secret the secret asked for
   * @param versionId the version asked for, if a version was missing
   */
  public SecretNotFoundException(SecretName secret, Optional<String> versionId) {
    super(
        versionId
            .map(v -> "secret " + secret + " has no version '" + v + "'")
            .orElse("no secret " + secret));
    this.secret = Objects.requireNonNull(secret, "secret");
    this.versionId = versionId.orElse("");
  }

  /** Returns the secret asked for. */
  public SecretName secret() {
    return secret;
  }

  /** Returns the version asked for, if the secret exists but that version does not. */
  public Optional<String> versionId() {
    return versionId.isEmpty() ? Optional.empty() : Optional.of(versionId);
  }
}
