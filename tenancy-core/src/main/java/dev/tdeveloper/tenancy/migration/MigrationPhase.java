package dev.tdeveloper.tenancy.migration;

/**
 * Where a tenant migration stands. A migration moves forward through {@code PLANNED, COPYING,
 * VERIFYING, CUTOVER, CLEANUP} to {@code COMPLETED}; it stops in {@code FAILED} when verification
 * finds the copy differs, or in {@code ABORTED} when an operator gives it up.
 */
public enum MigrationPhase {
  /** Recorded in the journal; nothing written yet. */
  PLANNED,
  /** Copying records from the source to the target in batches, in key order. */
  COPYING,
  /** Comparing the source's and target's checksums. */
  VERIFYING,
  /** Pinning the tenant to the target shard in the router. */
  CUTOVER,
  /** Deleting the tenant's records from the source. */
  CLEANUP,
  /** Done: the tenant lives in the target only. */
  COMPLETED,
  /** Verification failed: the copy was removed, the source and the router were left untouched. */
  FAILED,
  /** Given up before cutover: the partial copy was removed, the source and router untouched. */
  ABORTED;

  /** Returns whether the migration has finished in this phase and cannot be resumed. */
  public boolean isTerminal() {
    return this == COMPLETED || this == FAILED || this == ABORTED;
  }
}
