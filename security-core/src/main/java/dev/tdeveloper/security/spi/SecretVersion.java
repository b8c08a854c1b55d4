package dev.tdeveloper.security.spi;

import dev.tdeveloper.tenancy.internal.Texts;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * What a {@link SecretStore} knows about one version of a secret, without its value.
 *
 * <p>Immutable and thread-safe.
 *
 * @param versionId the version's id, chosen by the writer (see {@link #checkVersionId})
 * @param labels the labels the version holds, possibly none
 * @param created when the store created the version, by the store's clock
 */
public record SecretVersion(String versionId, Set<SecretLabel> labels, Instant created) {
  /** The longest version id, in characters: {@value} (AWS's ClientRequestToken limit). */
  public static final int MAX_VERSION_ID_LENGTH = 64;

  /**
   * Validates and copies the components.
   *
   * @throws IllegalArgumentException if the version id is invalid
   */
  public SecretVersion {
    checkVersionId(versionId);
    Objects.requireNonNull(labels, "labels");
    Objects.requireNonNull(created, "created");
    labels = labels.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(labels));
  }

  /** Returns whether this version holds {@code label}. */
  public boolean has(SecretLabel label) {
    return labels.contains(label);
  }

  /**
   * Checks a version id: 1 to {@value #MAX_VERSION_ID_LENGTH} characters of {@code A-Z a-z 0-9 _ -}
   * (a UUID fits).
   *
   * @return {@code versionId}
   * @throws NullPointerException if it is null
   * @throws IllegalArgumentException if it is invalid; the message quotes it
   */
  public static String checkVersionId(String versionId) {
    Objects.requireNonNull(versionId, "versionId");
    boolean valid = !versionId.isEmpty() && versionId.length() <= MAX_VERSION_ID_LENGTH;
    for (int i = 0; valid && i < versionId.length(); i++) {
      char c = versionId.charAt(i);
      valid =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '_'
              || c == '-';
    }
    if (!valid) {
      throw new IllegalArgumentException(
          "invalid secret version id "
              + Texts.quote(versionId)
              + " (allowed: 1-"
              + MAX_VERSION_ID_LENGTH
              + " characters of A-Z a-z 0-9 _ -)");
    }
    return versionId;
  }
}
