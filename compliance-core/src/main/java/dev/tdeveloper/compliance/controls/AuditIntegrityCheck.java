package dev.tdeveloper.compliance.controls;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * Verifies the audit log end to end (hash chain, Merkle tree, checkpoints) for {@link
 * AuditChainVerifiedCollector}; the audit module's verifier is wired in through it. Implementations
 * must be thread-safe.
 */
@FunctionalInterface
public interface AuditIntegrityCheck {
  /** Verifies the log now and reports what it found. */
  Result verify();

  /**
   * What a verification found. Immutable and thread-safe.
   *
   * @param entriesChecked how many entries were verified
   * @param ok whether every check passed
   * @param firstBadIndex the index of the first entry that failed, if the failure has one
   * @param description what was verified and how, such as {@code log /var/audit, 3 segments,
   *     checkpoint 1200 signed by key k1}
   */
  record Result(long entriesChecked, boolean ok, OptionalLong firstBadIndex, String description) {
    /**
     * Checks the fields.
     *
     * @throws IllegalArgumentException if the count is negative, a passing result names a bad
     *     index, or the description is blank
     */
    public Result {
      Objects.requireNonNull(firstBadIndex, "firstBadIndex");
      Objects.requireNonNull(description, "description");
      if (entriesChecked < 0) {
        throw new IllegalArgumentException(
            "AuditIntegrityCheck.Result.entriesChecked must be >= 0, got " + entriesChecked);
      }
      if (ok && firstBadIndex.isPresent()) {
        throw new IllegalArgumentException(
            "AuditIntegrityCheck.Result: a passing verification cannot name a bad index");
      }
      if (firstBadIndex.isPresent() && firstBadIndex.getAsLong() < 0) {
        throw new IllegalArgumentException(
            "AuditIntegrityCheck.Result.firstBadIndex must be >= 0, got "
                + firstBadIndex.getAsLong());
      }
      if (description.isBlank()) {
        throw new IllegalArgumentException("AuditIntegrityCheck.Result.description is blank");
      }
    }
  }
}
