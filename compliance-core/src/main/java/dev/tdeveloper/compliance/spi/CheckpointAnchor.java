package dev.tdeveloper.compliance.spi;

import dev.tdeveloper.tenancy.spi.ProviderSelector;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Publishes signed checkpoints of the audit log outside the log — a transparency log, an object
 * store with object lock, a witness, a file on another disk — so that someone who can rewrite the
 * log cannot also rewrite what it promised earlier. {@code CheckpointContinuity} later checks the
 * log against the latest anchored checkpoint.
 *
 * <p>An anchor never goes backwards: it refuses a checkpoint of a smaller tree than the latest it
 * holds, and one of the same size with another root (a fork). Implementations must be thread-safe;
 * concurrent publishes behave as if made in some order. {@code
 * dev.tdeveloper.compliance.testkit.CheckpointAnchorContract} proves an implementation. Build one
 * explicitly, or find one through {@link #fromProviders}.
 */
public interface CheckpointAnchor extends AutoCloseable {
  /**
   * Durably publishes a signed checkpoint (a C2SP signed note). Publishing the latest checkpoint
   * again is accepted.
   *
   * @throws dev.tdeveloper.compliance.audit.integrity.CheckpointException if the note is malformed
   *     ({@code MALFORMED_NOTE}, {@code MALFORMED_CHECKPOINT}, {@code BAD_ROOT_LENGTH}), names a
   *     smaller tree than the latest anchored one ({@code ROLLBACK}) or the same size with another
   *     root ({@code FORK}); nothing is published then
   * @throws dev.tdeveloper.compliance.ComplianceException if the anchor's storage fails
   */
  void publish(String signedNote);

  /**
   * Returns the latest anchored signed checkpoint, exactly as published, if any.
   *
   * @throws dev.tdeveloper.compliance.ComplianceException if the anchor's storage fails
   */
  Optional<String> latest();

  /** Releases the anchor's resources; idempotent. */
  @Override
  void close();

  /**
   * Creates an anchor with the {@link CheckpointAnchorProvider} found through {@link
   * java.util.ServiceLoader}: the one named {@code name}, else the only one on the class path.
   *
   * @param name the provider's name ({@code file}, {@code aws-s3}, ...), or empty to take the only
   *     one found
   * @param config the provider's settings, copied
   * @throws IllegalStateException if no provider, several without a name, or none of that name is
   *     found (the message names the artifact to add, or the providers found)
   * @throws IllegalArgumentException if the provider rejects a setting (the message names it)
   */
  static CheckpointAnchor fromProviders(Optional<String> name, Map<String, String> config) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(config, "config");
    return ProviderSelector.select(
            CheckpointAnchorProvider.class, name, "dev.tdeveloper:aws-backend")
        .create(Map.copyOf(config));
  }
}
