package dev.tdeveloper.dr.drill;

import dev.tdeveloper.dr.spi.BackupScope;
import java.nio.file.Path;
import java.util.List;

/**
 * What a {@link RestoreDrill} drills against: lists the published backups of a source and restores
 * one into a directory, verifying checksums on the way. The backup engine provides it; tests use a
 * fake. Implementations must be thread-safe: drills of different sources may run at once.
 */
public interface DrillTarget {
  /**
   * Returns the published backups of {@code source} in {@code scope}, in any order; only complete
   * backups (never one being written).
   *
   * @throws dev.tdeveloper.dr.DrException if the store cannot be read
   */
  List<DrillCandidate> candidates(BackupScope scope, String source);

  /**
   * Restores {@code candidate} into the empty directory {@code scratch}, verifying every chunk and
   * the manifest against their checksums, and reports what was checked. A restore may stop at the
   * first corrupt chunk (by throwing) or report every problem it found.
   *
   * @throws dev.tdeveloper.dr.DrException if the restore fails; the message names the backup and
   *     the missing or corrupt chunk
   */
  RestoredBackup restore(DrillCandidate candidate, Path scratch);
}
