package dev.tdeveloper.dr.drill;

import java.nio.file.Path;

/**
 * The user's check that restored data is usable, beyond its checksums: open the restored notes
 * journal and count its notes, start the database on the restored files. Must be thread-safe when
 * drills run concurrently.
 */
@FunctionalInterface
public interface DrillValidation {
  /**
   * Checks the data restored from {@code backup} into {@code restored}. Throwing counts as a failed
   * validation whose message is the exception's.
   *
   * @throws Exception if the check cannot be completed
   */
  ValidationResult validate(DrillCandidate backup, Path restored) throws Exception;

  /**
   * Returns a validation that passes saying that only checksums were verified: for drills that
   * deliberately skip a user check, so the history says so instead of claiming a validation.
   */
  static DrillValidation checksumsOnly() {
    return (backup, restored) -> ValidationResult.passed("no user validation; checksums only");
  }
}
