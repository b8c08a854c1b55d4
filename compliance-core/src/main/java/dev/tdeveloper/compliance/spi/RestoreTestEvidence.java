package dev.tdeveloper.compliance.spi;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What the disaster-recovery module tells compliance about restore tests, so that "backups are
 * restore-tested recently" (SOC 2 A1.2, A1.3, CC7.5) can be evidenced without compliance-core
 * depending on it. dr-core implements it over its drill history; implementations must be
 * thread-safe.
 */
public interface RestoreTestEvidence {
  /** Returns every backup set that must be restore-tested: the population the evidence covers. */
  Set<BackupSet> backupSets();

  /**
   * Returns the restore tests that finished in {@code [from, to)}, successful or not, in any order.
   *
   * @param from the first instant included
   * @param to the first instant excluded; after {@code from}
   */
  List<RestoreTest> restoreTests(Instant from, Instant to);
}
