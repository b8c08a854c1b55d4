package dev.tdeveloper.security.secrets.rotation;

import dev.tdeveloper.security.spi.SecretName;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a {@link SecretRotator} records each step of a rotation before going on, so that after a
 * crash between any two steps the next {@link SecretRotator#rotate()} resumes exactly where the
 * last one stopped: with the same candidate version, without repeating a completed step. It holds
 * secret names, version ids and step names, never values.
 *
 * <p>{@link #inMemory()} survives nothing (a restarted rotator then resumes from the store's labels
 * alone, see {@link SecretRotatorBuilder#pendingTimeout}); {@link #open(Path)} is a crash-safe file
 * shared by the rotators of a process. Implementations are thread-safe.
 */
public interface RotationJournal extends AutoCloseable {
  /**
   * The unfinished rotation of a secret.
   *
   * @param versionId the candidate's version
   * @param lastDone the last step completed, empty if none yet
   */
  record Progress(String versionId, Optional<RotationStep> lastDone) {
    /** Returns whether {@code step} is completed. */
    public boolean done(RotationStep step) {
      return lastDone.isPresent() && lastDone.get().compareTo(step) >= 0;
    }
  }

  /** Returns the unfinished rotation of {@code name}, if any. */
  Optional<Progress> unfinished(SecretName name);

  /**
   * Records that a rotation of {@code name} creating {@code versionId} started.
   *
   * @throws IllegalStateException if another rotation of {@code name} is unfinished
   */
  void started(SecretName name, String versionId);

  /**
   * Records that {@code step} of the rotation creating {@code versionId} is done.
   *
   * @throws IllegalStateException if that rotation is not the unfinished one
   */
  void stepDone(SecretName name, String versionId, RotationStep step);

  /** Records that the rotation creating {@code versionId} ended (promoted or failed). */
  void finished(SecretName name, String versionId);

  /** Releases the journal's resources; idempotent. */
  @Override
  void close();

  /** Returns a journal in memory. */
  static RotationJournal inMemory() {
    return new InMemoryRotationJournal();
  }

  /**
   * Opens (creating if needed) the journal file {@code file}, locked against other processes.
   *
   * @throws dev.tdeveloper.security.spi.SecretStoreException if it is locked, corrupt or unusable
   */
  static RotationJournal open(Path file) {
    return FileRotationJournal.open(file);
  }
}
