package dev.tdeveloper.dr.backup;

import dev.tdeveloper.dr.spi.BackupScope;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * The outcome of a completed restore. Immutable.
 *
 * @param scope whose backup was restored
 * @param backupId the backup restored
 * @param target the directory now holding its files
 * @param files how many files were written
 * @param bytes how many bytes were written
 * @param elapsed how long the restore took, measured on the engine's ticker
 */
public record RestoreResult(
    BackupScope scope, String backupId, Path target, long files, long bytes, Duration elapsed) {
  /** Checks that no field is null. */
  public RestoreResult {
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(backupId, "backupId");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(elapsed, "elapsed");
  }
}
