package dev.tdeveloper.dr.drill;

import dev.tdeveloper.dr.spi.BackupScope;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of one restore drill: which backup of which source was restored, when, how long the
 * restore and its checksum verification took (the measured RTO), and whether checksums and the user
 * validation passed. A drill that could not restore anything (no backup in the window, a failed
 * restore) is a failed result with its reason, never a pass. Immutable and thread-safe.
 *
 * @param scope whose data was drilled
 * @param source the source drilled
 * @param backupId the backup restored; empty if none was selected
 * @param selection how the backup was selected
 * @param started when the drill started (wall time)
 * @param finished when the drill finished, validation and clean-up included; not before {@code
 *     started}
 * @param measuredRto how long the restore took, checksum verification included (monotonic time)
 * @param checksumsOk whether every checksum verified
 * @param validationOk whether the user validation passed
 * @param validationMessage what the validation said, or why it did not run
 * @param failureReason why the drill failed; empty exactly when it succeeded
 */
public record DrillResult(
    BackupScope scope,
    String source,
    Optional<String> backupId,
    DrillSelection selection,
    Instant started,
    Instant finished,
    Duration measuredRto,
    boolean checksumsOk,
    boolean validationOk,
    String validationMessage,
    Optional<String> failureReason) {
  /**
   * Checks the fields and that they agree.
   *
   * @throws IllegalArgumentException if {@code finished} is before {@code started}, the RTO is
   *     negative, the validation message is blank, or a result without a failure reason lacks a
   *     backup or has a failed check
   */
  public DrillResult {
    Objects.requireNonNull(scope, "scope");
    DrillNames.requireSource(source);
    Objects.requireNonNull(backupId, "backupId").ifPresent(DrillNames::requireBackupId);
    Objects.requireNonNull(selection, "selection");
    Objects.requireNonNull(started, "started");
    Objects.requireNonNull(finished, "finished");
    Objects.requireNonNull(measuredRto, "measuredRto");
    Objects.requireNonNull(validationMessage, "validationMessage");
    Objects.requireNonNull(failureReason, "failureReason");
    if (finished.isBefore(started)) {
      throw new IllegalArgumentException(
          "DrillResult.finished (" + finished + ") is before started (" + started + ")");
    }
    if (measuredRto.isNegative()) {
      throw new IllegalArgumentException(
          "DrillResult.measuredRto must not be negative, was " + measuredRto);
    }
    if (validationMessage.isBlank()) {
      throw new IllegalArgumentException("DrillResult.validationMessage must not be blank");
    }
    if (failureReason.isPresent() && failureReason.get().isBlank()) {
      throw new IllegalArgumentException("DrillResult.failureReason must not be blank if present");
    }
    if (failureReason.isEmpty() && (backupId.isEmpty() || !checksumsOk || !validationOk)) {
      throw new IllegalArgumentException(
          "DrillResult without a failureReason must name a backup whose checksums and validation"
              + " passed; was backupId="
              + backupId
              + ", checksumsOk="
              + checksumsOk
              + ", validationOk="
              + validationOk);
    }
  }

  /** Returns whether the drill passed: a backup restored, checksums verified, validation passed. */
  public boolean succeeded() {
    return failureReason.isEmpty();
  }
}
