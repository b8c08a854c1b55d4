package dev.tdeveloper.dr.runbook;

/** How a runbook run ended. */
public enum RunbookOutcome {
  /** Every step ran and verified. */
  COMPLETED,
  /** A step's precondition did not hold; nothing of that step ran and nothing was rolled back. */
  FAILED_PRECONDITION,
  /** A step's action or verification failed; it and the earlier steps were rolled back. */
  ROLLED_BACK,
  /** A step failed and then a rollback failed too; the system needs a person. */
  ROLLBACK_FAILED
}
