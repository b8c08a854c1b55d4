package dev.tdeveloper.tenancy.provision;

import dev.tdeveloper.tenancy.TenancyException;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.spi.SagaRecord;
import java.util.List;
import java.util.Locale;

/**
 * Thrown when a lifecycle saga failed: a step (or a status change) threw, and the steps completed
 * before it were compensated, newest first. Says which step failed, with the failure as cause, and
 * whether compensation fully succeeded; if not, the listed steps need an operator's attention.
 */
public final class ProvisioningFailedException extends TenancyException {
  private static final long serialVersionUID = 1L;
  private final String sagaId;
  private final TenantId tenantId;
  private final LifecycleOperation operation;
  private final String failedStep;
  private final List<String> compensationFailures;

  /**
   * Creates the exception from the saga's final record.
   *
   * @param saga the saga's final ({@code FAILED}) record
   * @param cause the step's failure, if still at hand (empty after a resume)
   */
  ProvisioningFailedException(SagaRecord saga, Throwable cause) {
    super(message(saga), cause);
    this.sagaId = saga.sagaId();
    this.tenantId = saga.tenantId();
    this.operation = saga.operation();
    this.failedStep = saga.failedStep().orElse("(none)");
    this.compensationFailures = saga.compensationFailures();
  }

  private static String message(SagaRecord saga) {
    return saga.operation().name().toLowerCase(Locale.ROOT)
        + " of tenant '"
        + saga.tenantId()
        + "' (saga "
        + saga.sagaId()
        + ") failed at step '"
        + saga.failedStep().orElse("(none)")
        + "': "
        + saga.failure().orElse("unknown")
        + (saga.compensationFailures().isEmpty()
            ? "; completed steps were compensated"
            : "; compensation FAILED for " + saga.compensationFailures());
  }

  /** Returns the saga's id. */
  public String sagaId() {
    return sagaId;
  }

  /** Returns the tenant. */
  public TenantId tenantId() {
    return tenantId;
  }

  /** Returns the operation that failed. */
  public LifecycleOperation operation() {
    return operation;
  }

  /** Returns the step (or {@code status:<STATUS>} change) that failed. */
  public String failedStep() {
    return failedStep;
  }

  /** Returns whether every compensation and the status rollback succeeded. */
  public boolean compensationSucceeded() {
    return compensationFailures.isEmpty();
  }

  /** Returns the steps whose compensation failed, in the order attempted; empty when none. */
  public List<String> compensationFailures() {
    return compensationFailures;
  }
}
