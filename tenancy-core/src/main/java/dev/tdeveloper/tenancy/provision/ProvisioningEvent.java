package dev.tdeveloper.tenancy.provision;

import dev.tdeveloper.tenancy.TenantId;
import java.time.Instant;
import java.util.Optional;

/**
 * What a {@link TenantProvisioner} publishes to the listeners registered on its builder, one event
 * per saga or step transition. Switch on the permitted records.
 *
 * <p>Immutable and thread-safe.
 */
public sealed interface ProvisioningEvent {
  /** Returns the saga's id. */
  String sagaId();

  /** Returns the tenant the saga works on. */
  TenantId tenantId();

  /** Returns the saga's operation. */
  LifecycleOperation operation();

  /** Returns when the event happened, by the provisioner's clock. */
  Instant at();

  /** A saga started; its first record is journaled. */
  record SagaStarted(String sagaId, TenantId tenantId, LifecycleOperation operation, Instant at)
      implements ProvisioningEvent {}

  /**
   * A saga found incomplete in the journal is being finished.
   *
   * @param interruptedStep the step that was in progress when the process stopped, or empty
   */
  record SagaResumed(
      String sagaId,
      TenantId tenantId,
      LifecycleOperation operation,
      Instant at,
      Optional<String> interruptedStep)
      implements ProvisioningEvent {}

  /** A step is about to be applied. */
  record StepStarted(
      String sagaId, TenantId tenantId, LifecycleOperation operation, Instant at, String step)
      implements ProvisioningEvent {}

  /** A step was applied. */
  record StepCompleted(
      String sagaId, TenantId tenantId, LifecycleOperation operation, Instant at, String step)
      implements ProvisioningEvent {}

  /**
   * A step (or a status change, named {@code status:<STATUS>}) failed.
   *
   * @param cause the failure, as {@code ExceptionClass: message}
   */
  record StepFailed(
      String sagaId,
      TenantId tenantId,
      LifecycleOperation operation,
      Instant at,
      String step,
      String cause)
      implements ProvisioningEvent {}

  /** A completed step's compensation succeeded. */
  record StepCompensated(
      String sagaId, TenantId tenantId, LifecycleOperation operation, Instant at, String step)
      implements ProvisioningEvent {}

  /**
   * A completed step's compensation threw; the saga goes on compensating the earlier steps.
   *
   * @param cause the failure, as {@code ExceptionClass: message}
   */
  record StepCompensationFailed(
      String sagaId,
      TenantId tenantId,
      LifecycleOperation operation,
      Instant at,
      String step,
      String cause)
      implements ProvisioningEvent {}

  /** Every step was applied and the tenant reached its target status. */
  record SagaCompleted(String sagaId, TenantId tenantId, LifecycleOperation operation, Instant at)
      implements ProvisioningEvent {}

  /**
   * The saga failed and compensation is over.
   *
   * @param failedStep the step or status change that failed
   * @param compensatedFully whether every compensation and the status rollback succeeded
   */
  record SagaFailed(
      String sagaId,
      TenantId tenantId,
      LifecycleOperation operation,
      Instant at,
      String failedStep,
      boolean compensatedFully)
      implements ProvisioningEvent {}
}
