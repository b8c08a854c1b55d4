package dev.tdeveloper.tenancy.spi;

/** Where a provisioning saga stands, as recorded in a {@link ProvisioningJournal}. */
public enum SagaState {
  /** Steps are being applied in order. */
  RUNNING,
  /** A step failed; the completed steps are being compensated in reverse order. */
  COMPENSATING,
  /** Terminal: every step was applied and the tenant reached its target status. */
  DONE,
  /** Terminal: the saga failed; its record says whether compensation fully succeeded. */
  FAILED;

  /** Returns whether the saga is over, so it will never be resumed. */
  public boolean isTerminal() {
    return this == DONE || this == FAILED;
  }
}
