package dev.tdeveloper.dr.pitr;

import dev.tdeveloper.dr.internal.Names;
import dev.tdeveloper.dr.spi.BackupScope;
import java.time.Instant;
import java.util.Objects;

/**
 * A completed backup of one source that point-in-time recovery can start from: the journal records
 * of its scope numbered below {@code nextSequence} are in it, later ones are not. Its {@code
 * finishedAt} must be no earlier than the time of any change it holds (a backup that records the
 * journal's next sequence when it starts reading, and its finish time when done, satisfies this).
 * Immutable.
 *
 * @param scope whose data it is
 * @param source the backed-up source's name
 * @param id the backup's id in its store: 1 to 128 letters, digits, '.', '_' or '-'
 * @param finishedAt when the backup completed
 * @param nextSequence the first journal sequence number the backup does not include
 */
public record BaseBackup(
    BackupScope scope, String source, String id, Instant finishedAt, long nextSequence) {
  /** Checks the fields. */
  public BaseBackup {
    Objects.requireNonNull(scope, "scope");
    ChangeArguments.checkSource(source);
    Objects.requireNonNull(id, "id");
    if (!Names.isBackupId(id)) {
      throw new IllegalArgumentException(
          "BaseBackup.id '" + id + "' must be 1 to 128 letters, digits, '.', '_' or '-'");
    }
    Objects.requireNonNull(finishedAt, "finishedAt");
    if (nextSequence < 0) {
      throw new IllegalArgumentException(
          "BaseBackup.nextSequence must be >= 0, got " + nextSequence);
    }
  }
}
