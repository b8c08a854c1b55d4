package dev.tdeveloper.dr.pitr;

import dev.tdeveloper.dr.spi.BackupScope;
import java.nio.file.Path;
import java.util.List;

/**
 * The base backups {@link PointInTimeRecovery} starts from, usually the backup engine's completed
 * backups of a source. Implementations must be thread-safe.
 */
public interface BaseBackups {
  /** Returns the completed base backups of {@code source} in {@code scope}, in any order. */
  List<BaseBackup> list(BackupScope scope, String source);

  /**
   * Restores every file of {@code backup} into {@code target}, an existing empty directory,
   * byte-exact.
   *
   * @throws dev.tdeveloper.dr.DrException if the backup cannot be restored (a missing or corrupt
   *     chunk, say; the message names it)
   */
  void restore(BaseBackup backup, Path target);
}
