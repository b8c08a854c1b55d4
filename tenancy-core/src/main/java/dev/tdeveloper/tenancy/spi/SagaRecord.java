package dev.tdeveloper.tenancy.spi;

import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.provision.LifecycleOperation;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The progress of one provisioning saga as a {@link ProvisioningJournal} stores it: a snapshot
 * written before and after every step, replacing the previous one.
 *
 * <p>While {@link SagaState#RUNNING RUNNING}, {@code completed} counts the steps applied so far;
 * while {@link SagaState#COMPENSATING COMPENSATING} it counts the applied steps not yet compensated
 * (compensation goes from {@code completed - 1} down to 0). {@code activeStep} names the step being
 * applied (then it is {@code steps[completed]}) or compensated ({@code steps[completed - 1]}) when
 * the record was written, so a resumed saga knows which step may have been interrupted.
 *
 * <p>Immutable and thread-safe.
 *
 * @param sagaId the saga's unique id, 1-100 characters
 * @param operation what the saga does to the tenant
 * @param tenantId the tenant the saga works on
 * @param steps the names of the operation's steps, in order, when the saga started
 * @param completed see above; between 0 and {@code steps.size()}
 * @param activeStep the step in progress, if any
 * @param state where the saga stands
 * @param data the strings steps stored for later steps and compensations, sorted by key
 * @param reason why the operation was requested (for a suspension), if given
 * @param failedStep the step (or status change, as {@code status:<STATUS>}) that failed, if any
 * @param failure the failure, as {@code ExceptionClass: message}; present exactly when the state is
 *     {@code COMPENSATING} or {@code FAILED}
 * @param compensationFailures the steps whose compensation threw, in the order attempted
 * @param startedAt when the saga started
 * @param updatedAt when this record was written; not before {@code startedAt}
 */
public record SagaRecord(
    String sagaId,
    LifecycleOperation operation,
    TenantId tenantId,
    List<String> steps,
    int completed,
    Optional<String> activeStep,
    SagaState state,
    Map<String, String> data,
    Optional<String> reason,
    Optional<String> failedStep,
    Optional<String> failure,
    List<String> compensationFailures,
    Instant startedAt,
    Instant updatedAt) {

  /**
   * Validates the record's consistency.
   *
   * @throws NullPointerException naming a null component
   * @throws IllegalArgumentException naming the inconsistent component and its value
   */
  public SagaRecord {
    Objects.requireNonNull(sagaId, "sagaId");
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(tenantId, "tenantId");
    steps = List.copyOf(Objects.requireNonNull(steps, "steps"));
    Objects.requireNonNull(activeStep, "activeStep");
    Objects.requireNonNull(state, "state");
    data = Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(data, "data")));
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(failedStep, "failedStep");
    Objects.requireNonNull(failure, "failure");
    compensationFailures =
        List.copyOf(Objects.requireNonNull(compensationFailures, "compensationFailures"));
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    if (sagaId.isBlank() || sagaId.length() > 100) {
      throw invalid("sagaId", "'" + sagaId + "'", "1-100 characters, not blank");
    }
    if (completed < 0 || completed > steps.size()) {
      throw invalid("completed", completed, "0.." + steps.size());
    }
    if (activeStep.isPresent()) {
      int index = state == SagaState.COMPENSATING ? completed - 1 : completed;
      boolean matches =
          !state.isTerminal()
              && index >= 0
              && index < steps.size()
              && steps.get(index).equals(activeStep.get());
      if (!matches) {
        throw invalid(
            "activeStep", activeStep.get(), "the step at the saga's position while " + state);
      }
    }
    boolean failing = state == SagaState.COMPENSATING || state == SagaState.FAILED;
    if (failure.isPresent() != failing) {
      throw invalid("failure", failure, "present exactly when COMPENSATING or FAILED");
    }
    if (state == SagaState.DONE && completed != steps.size()) {
      throw invalid("completed", completed, steps.size() + " when DONE");
    }
    if (updatedAt.isBefore(startedAt)) {
      throw invalid("updatedAt", updatedAt, "not before startedAt " + startedAt);
    }
  }

  private IllegalArgumentException invalid(String field, Object value, String allowed) {
    return new IllegalArgumentException(
        field + " of saga " + sagaId + " was " + value + "; allowed: " + allowed);
  }

  /** Returns whether the saga failed and every compensation (and status rollback) succeeded. */
  public boolean compensatedFully() {
    return state == SagaState.FAILED && compensationFailures.isEmpty();
  }
}
