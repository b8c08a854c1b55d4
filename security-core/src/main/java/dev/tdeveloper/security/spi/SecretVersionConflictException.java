package dev.tdeveloper.security.spi;

import java.util.Objects;

/**
 * {@link SecretStore#put} was given a version id the secret already holds with a different value
 * (AWS Secrets Manager's {@code ResourceExistsException}). Nothing was changed; a version's value
 * never changes once written.
 */
public class SecretVersionConflictException extends SecretStoreException {
  private static final long serialVersionUID = 1L;

  private final transient SecretName secret;
  private final String versionId;

  /** Creates the exception for version {@code versionId} of {@code secret}. */
  public SecretVersionConflictException(SecretName secret, String versionId) {
    super(
        "secret "
            + secret
            + " already has a version '"
            + versionId
            + "' with a different value; a version's value never changes");
    this.secret = Objects.requireNonNull(secret, "secret");
    this.versionId = Objects.requireNonNull(versionId, "versionId");
  }

  /** Returns the secret. */
  public SecretName secret() {
    return secret;
  }

  /** Returns the version id given. */
  public String versionId() {
    return versionId;
  }
}
