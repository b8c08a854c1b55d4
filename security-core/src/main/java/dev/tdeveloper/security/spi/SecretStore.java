package dev.tdeveloper.security.spi;

import dev.tdeveloper.security.secrets.Secret;
import dev.tdeveloper.tenancy.spi.ProviderSelector;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where secrets are kept: per {@link SecretName} (platform-wide or namespaced by tenant), a set of
 * immutable <em>versions</em>, each with a value and zero or more {@link SecretLabel staging
 * labels}. The model is AWS Secrets Manager's, so that a backend can map it one to one: {@link
 * #put} is {@code PutSecretValue} with a {@code ClientRequestToken}, {@link #moveLabel} is {@code
 * UpdateSecretVersionStage}.
 *
 * <p><b>Versions.</b> The writer chooses the version id (a UUID, say), which makes {@link #put}
 * idempotent: writing the same id with the same value again returns the existing version, so a
 * writer that crashed can simply retry; the same id with another value is refused. A version's
 * value never changes. A new version holds no label.
 *
 * <p><b>Labels.</b> At most one version holds each label. {@link #moveLabel} is a compare-and-set:
 * it moves a label only if it is still where the caller saw it, so two rotators can never both
 * promote. Moving {@link SecretLabel#CURRENT} also moves {@link SecretLabel#PREVIOUS} to the
 * version that lost CURRENT, in the same atomic step (as AWS does).
 *
 * <p><b>Isolation.</b> Secrets of different scopes never share state: a backend keys everything by
 * the whole {@link SecretName} (for example by {@link SecretName#qualified()}).
 *
 * <p><b>Values.</b> Every {@link Secret} returned is a fresh copy the caller may {@link
 * Secret#destroy() destroy}; values never appear in messages, logs or {@code toString}.
 *
 * <p><b>Errors.</b> Null arguments throw {@link NullPointerException}; invalid ones {@link
 * IllegalArgumentException}; an unknown secret or version {@link SecretNotFoundException}; a lost
 * label race {@link LabelConflictException}; a reused version id {@link
 * SecretVersionConflictException}; an operational failure (I/O, closed store) {@link
 * SecretStoreException}. A call that throws changes nothing.
 *
 * <p>Implementations are thread-safe. The contract test kit is {@code
 * dev.tdeveloper.security.testkit.SecretStoreContract} in the {@code security-testkit} artifact.
 */
public interface SecretStore extends AutoCloseable {
  /** The largest value, in bytes: {@value} (AWS Secrets Manager's limit). */
  int MAX_VALUE_BYTES = 65_536;

  /**
   * Adds version {@code versionId} with {@code value} to secret {@code name}, creating the secret
   * if needed; the new version holds no label. If the version exists with the same value, returns
   * it unchanged.
   *
   * @return the version as stored
   * @throws IllegalArgumentException if the version id is invalid or the value longer than {@link
   *     #MAX_VALUE_BYTES}
   * @throws IllegalStateException if {@code value} was destroyed
   * @throws SecretVersionConflictException if the version exists with another value
   * @throws SecretStoreException if the store fails
   */
  SecretVersion put(SecretName name, String versionId, Secret value);

  /**
   * Returns the versions of secret {@code name}, oldest first; empty if there is no such secret.
   *
   * @throws SecretStoreException if the store fails
   */
  List<SecretVersion> versions(SecretName name);

  /**
   * Returns a copy of the value of version {@code versionId} of {@code name}, if it exists.
   *
   * @throws IllegalArgumentException if the version id is invalid
   * @throws SecretStoreException if the store fails
   */
  Optional<Secret> value(SecretName name, String versionId);

  /**
   * Moves {@code label} of secret {@code name} from version {@code expected} to version {@code
   * target} if, and only if, it is on {@code expected} now (empty {@code expected}: on no version;
   * empty {@code target}: remove the label). Moving {@link SecretLabel#CURRENT} from one version to
   * another also moves {@link SecretLabel#PREVIOUS} to the one it left.
   *
   * @throws IllegalArgumentException if a version id is invalid, or {@code target} is empty for
   *     {@link SecretLabel#CURRENT} (it can be moved, never removed)
   * @throws SecretNotFoundException if the secret, or the {@code target} version, does not exist
   * @throws LabelConflictException if the label is not on {@code expected}
   * @throws SecretStoreException if the store fails
   */
  void moveLabel(
      SecretName name, SecretLabel label, Optional<String> expected, Optional<String> target);

  /**
   * Returns the names of every secret, sorted by {@link SecretName#qualified()}.
   *
   * @throws SecretStoreException if the store fails
   */
  List<SecretName> names();

  /** Returns the version of {@code name} holding {@code label}, if any. */
  default Optional<SecretVersion> versionAt(SecretName name, SecretLabel label) {
    Objects.requireNonNull(label, "label");
    return versions(name).stream().filter(v -> v.has(label)).findFirst();
  }

  /** Returns a copy of the value of the version of {@code name} holding {@code label}, if any. */
  default Optional<Secret> valueAt(SecretName name, SecretLabel label) {
    return versionAt(name, label).flatMap(v -> value(name, v.versionId()));
  }

  /**
   * Stores {@code value} as version {@code versionId} of {@code name} and makes it CURRENT (the way
   * to keep a secret that is not rotated, such as a partner's API key).
   *
   * @throws LabelConflictException if another writer moved CURRENT meanwhile; the version then
   *     exists without the label, and calling again with the same id completes the change
   * @throws RuntimeException as {@link #put} and {@link #moveLabel}
   */
  default SecretVersion putCurrent(SecretName name, String versionId, Secret value) {
    put(name, versionId, value);
    Optional<String> current = versionAt(name, SecretLabel.CURRENT).map(SecretVersion::versionId);
    if (!current.equals(Optional.of(versionId))) {
      moveLabel(name, SecretLabel.CURRENT, current, Optional.of(versionId));
    }
    return versionAt(name, SecretLabel.CURRENT).orElseThrow();
  }

  /** Releases the store's resources; later calls throw {@link SecretStoreException}. Idempotent. */
  @Override
  void close();

  /**
   * Returns a store from the {@link SecretStoreProvider} found on the class path, chosen by the
   * suite's rule: none found is an error naming the artifact to add, one is used, several need
   * {@code name}. security-core provides {@code in-memory} and {@code local-file}, so a name is
   * always needed when both are on the class path.
   *
   * @throws IllegalStateException if no provider, several without a name, or none of that name
   * @throws IllegalArgumentException if the provider rejects a setting
   */
  static SecretStore fromProviders(Optional<String> name, Map<String, String> config) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(config, "config");
    return ProviderSelector.select(SecretStoreProvider.class, name, "dev.tdeveloper:aws-backend")
        .create(Map.copyOf(config));
  }
}
