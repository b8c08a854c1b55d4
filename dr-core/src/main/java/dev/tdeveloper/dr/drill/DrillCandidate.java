package dev.tdeveloper.dr.drill;

import dev.tdeveloper.dr.spi.BackupScope;
import java.time.Instant;
import java.util.Objects;

/**
 * One published backup a drill may restore, as its {@link DrillTarget} lists it. Immutable and
 * thread-safe.
 *
 * @param scope whose data the backup holds
 * @param source the backed-up source's name (see {@link dev.tdeveloper.dr.spi.BackupSource#name()})
 * @param backupId the backup's id in its store, 1 to 128 characters of letters, digits, '.', '_' or
 *     '-'
 * @param created when the backup was taken; drills select by it
 */
public record DrillCandidate(BackupScope scope, String source, String backupId, Instant created) {
  /**
   * Checks the fields.
   *
   * @throws IllegalArgumentException if the source name or backup id is malformed
   */
  public DrillCandidate {
    Objects.requireNonNull(scope, "scope");
    DrillNames.requireSource(source);
    DrillNames.requireBackupId(backupId);
    Objects.requireNonNull(created, "created");
  }
}
