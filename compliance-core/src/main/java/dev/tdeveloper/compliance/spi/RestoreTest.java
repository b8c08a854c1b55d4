package dev.tdeveloper.compliance.spi;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One restore test (a drill) of a backup: which backup of which set, when it ran, whether the
 * restored data verified, and the recovery time it achieved. Immutable and thread-safe.
 *
 * @param backupId the id of the backup restored, 1 to 256 characters
 * @param backupSet the set the backup belongs to
 * @param started when the restore started
 * @param finished when it finished; not before {@code started}
 * @param succeeded whether the restore completed and the restored data verified
 * @param rtoAchieved the recovery time the test achieved; not negative
 */
public record RestoreTest(
    String backupId,
    BackupSet backupSet,
    Instant started,
    Instant finished,
    boolean succeeded,
    Duration rtoAchieved) {
  /**
   * Checks the fields.
   *
   * @throws IllegalArgumentException if {@code finished} is before {@code started}, the RTO is
   *     negative or the backup id is blank, too long or holds control characters
   */
  public RestoreTest {
    EvidenceFields.text("RestoreTest", "backupId", backupId, 256);
    Objects.requireNonNull(backupSet, "backupSet");
    Objects.requireNonNull(started, "started");
    Objects.requireNonNull(finished, "finished");
    Objects.requireNonNull(rtoAchieved, "rtoAchieved");
    if (finished.isBefore(started)) {
      throw new IllegalArgumentException(
          "RestoreTest.finished (" + finished + ") is before started (" + started + ")");
    }
    if (rtoAchieved.isNegative()) {
      throw new IllegalArgumentException(
          "RestoreTest.rtoAchieved must not be negative, got " + rtoAchieved);
    }
  }
}
