package dev.tdeveloper.dr.pitr;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a point-in-time recovery did. Immutable.
 *
 * @param baseBackupId the base backup it started from
 * @param recordsReplayed how many of the source's journal records it applied after the base
 * @param lastAppliedSequence the sequence number of the last record applied, if any
 * @param lastAppliedTime the time of the last record applied, if any
 * @param target what was asked for
 * @param directory where the source was recovered
 */
public record RecoveryResult(
    String baseBackupId,
    long recordsReplayed,
    OptionalLong lastAppliedSequence,
    Optional<Instant> lastAppliedTime,
    RecoveryTarget target,
    Path directory) {
  /** Checks the fields. */
  public RecoveryResult {
    Objects.requireNonNull(baseBackupId, "baseBackupId");
    if (recordsReplayed < 0) {
      throw new IllegalArgumentException("recordsReplayed must be >= 0, got " + recordsReplayed);
    }
    Objects.requireNonNull(lastAppliedSequence, "lastAppliedSequence");
    Objects.requireNonNull(lastAppliedTime, "lastAppliedTime");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(directory, "directory");
  }
}
