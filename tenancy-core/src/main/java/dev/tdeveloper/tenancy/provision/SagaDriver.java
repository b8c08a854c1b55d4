package dev.tdeveloper.tenancy.provision;

import dev.tdeveloper.tenancy.Tenant;
import dev.tdeveloper.tenancy.TenantNotFoundException;
import dev.tdeveloper.tenancy.TenantStatus;
import dev.tdeveloper.tenancy.context.TenantContext;
import dev.tdeveloper.tenancy.internal.Listeners;
import dev.tdeveloper.tenancy.spi.ProvisioningJournal;
import dev.tdeveloper.tenancy.spi.SagaRecord;
import dev.tdeveloper.tenancy.spi.SagaState;
import dev.tdeveloper.tenancy.spi.TenantRegistry;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a saga from where its record says it stands: the remaining steps, the final status change,
 * or the compensation of completed steps. Journals before and after every step. Exceptions from
 * steps fail the saga; {@link Error}s propagate untouched (a crash), as do journal failures.
 * Thread-safe: holds no per-saga state.
 */
final class SagaDriver {
  private static final Logger LOG = LoggerFactory.getLogger(SagaDriver.class);

  private final TenantRegistry registry;
  private final InstantSource clock;
  private final ProvisioningJournal journal;
  private final Map<LifecycleOperation, List<ProvisioningStep>> steps;
  private final Listeners<ProvisioningEvent> listeners;

  SagaDriver(
      TenantRegistry registry,
      InstantSource clock,
      ProvisioningJournal journal,
      Map<LifecycleOperation, List<ProvisioningStep>> steps,
      Listeners<ProvisioningEvent> listeners) {
    this.registry = registry;
    this.clock = clock;
    this.journal = journal;
    this.steps = steps;
    this.listeners = listeners;
  }

  List<ProvisioningStep> steps(LifecycleOperation operation) {
    return steps.get(operation);
  }

  void record(Saga saga) {
    journal.record(saga.snapshot(clock.instant()));
  }

  void publish(ProvisioningEvent event) {
    listeners.publish(event);
  }

  Instant now() {
    return clock.instant();
  }

  /** Moves the tenant to {@code status} unless it is there already; lifecycle rules apply. */
  Tenant ensureStatus(Saga saga, TenantStatus status) {
    return registry.update(saga.tenantId, t -> t.status() == status ? t : t.withStatus(status));
  }

  /** Records a new tenant for a PROVISION saga; a failure fails the saga, nothing was done. */
  void create(Saga saga, Tenant tenant) {
    try {
      registry.create(tenant);
    } catch (RuntimeException e) {
      failAt(saga, "status:" + TenantStatus.PROVISIONING, e);
      throw finishFailed(saga, e);
    }
  }

  /**
   * Applies the begin status of a saga that has not applied a step yet. A failure here fails the
   * saga without compensation: nothing was done.
   */
  void begin(Saga saga) {
    Optional<TenantStatus> status = saga.operation.beginStatus();
    if (status.isEmpty()) {
      return;
    }
    try {
      ensureStatus(saga, status.get());
    } catch (RuntimeException e) {
      failAt(saga, "status:" + status.get(), e);
      throw finishFailed(saga, e);
    }
  }

  /**
   * Finishes a saga: the remaining steps and the end status if RUNNING, else the compensation.
   *
   * @return the tenant as recorded at the end
   * @throws ProvisioningFailedException if the saga failed
   */
  Tenant drive(Saga saga) {
    List<ProvisioningStep> list = steps(saga.operation);
    while (saga.state == SagaState.RUNNING && saga.completed < list.size()) {
      ProvisioningStep step = list.get(saga.completed);
      String name = saga.steps.get(saga.completed);
      saga.activeStep = name;
      record(saga);
      publish(
          new ProvisioningEvent.StepStarted(saga.id, saga.tenantId, saga.operation, now(), name));
      try (TenantContext.Scope scope = TenantContext.open(saga.tenantId)) {
        step.apply(context(saga));
      } catch (Exception e) {
        failAt(saga, name, e);
        return compensate(saga, e);
      }
      saga.activeStep = null;
      saga.completed++;
      record(saga);
      publish(
          new ProvisioningEvent.StepCompleted(saga.id, saga.tenantId, saga.operation, now(), name));
    }
    if (saga.state == SagaState.COMPENSATING) {
      return compensate(saga, null);
    }
    Optional<TenantStatus> end = saga.operation.endStatus();
    Tenant result;
    try {
      result = end.isPresent() ? ensureStatus(saga, end.get()) : current(saga);
    } catch (RuntimeException e) {
      failAt(saga, "status:" + end.map(TenantStatus::name).orElse("unchanged"), e);
      return compensate(saga, e);
    }
    saga.state = SagaState.DONE;
    record(saga);
    publish(new ProvisioningEvent.SagaCompleted(saga.id, saga.tenantId, saga.operation, now()));
    return result;
  }

  private Tenant current(Saga saga) {
    return registry
        .find(saga.tenantId)
        .orElseThrow(() -> new TenantNotFoundException(saga.tenantId));
  }

  private StepContext context(Saga saga) {
    return new StepContext(saga.id, saga.operation, current(saga), saga.reason, saga.data);
  }

  private void failAt(Saga saga, String step, Throwable cause) {
    LOG.warn(
        "{} of tenant {} (saga {}) failed at {}",
        saga.operation,
        saga.tenantId,
        saga.id,
        step,
        cause);
    saga.fail(step, cause);
    record(saga);
    publish(
        new ProvisioningEvent.StepFailed(
            saga.id, saga.tenantId, saga.operation, now(), step, saga.failure));
  }

  /** Compensates completed steps newest first, rolls the status back, and throws. */
  private Tenant compensate(Saga saga, Throwable cause) {
    List<ProvisioningStep> list = steps(saga.operation);
    while (saga.completed > 0) {
      ProvisioningStep step = list.get(saga.completed - 1);
      String name = saga.steps.get(saga.completed - 1);
      saga.activeStep = name;
      record(saga);
      try (TenantContext.Scope scope = TenantContext.open(saga.tenantId)) {
        step.compensate(context(saga));
        publish(
            new ProvisioningEvent.StepCompensated(
                saga.id, saga.tenantId, saga.operation, now(), name));
      } catch (Exception e) {
        LOG.error(
            "compensation of step {} for tenant {} (saga {}) failed; needs manual cleanup",
            name,
            saga.tenantId,
            saga.id,
            e);
        saga.compensationFailures.add(name);
        publish(
            new ProvisioningEvent.StepCompensationFailed(
                saga.id, saga.tenantId, saga.operation, now(), name, Saga.describe(e)));
      }
      saga.activeStep = null;
      saga.completed--;
      record(saga);
    }
    Optional<TenantStatus> rollback = saga.operation.rollbackStatus();
    if (rollback.isPresent() && registry.find(saga.tenantId).isPresent()) {
      try {
        ensureStatus(saga, rollback.get());
      } catch (RuntimeException e) {
        LOG.error("rolling tenant {} back to {} failed", saga.tenantId, rollback.get(), e);
        saga.compensationFailures.add("status:" + rollback.get());
      }
    }
    throw finishFailed(saga, cause);
  }

  private ProvisioningFailedException finishFailed(Saga saga, Throwable cause) {
    saga.state = SagaState.FAILED;
    SagaRecord last = saga.snapshot(now());
    journal.record(last);
    publish(
        new ProvisioningEvent.SagaFailed(
            saga.id,
            saga.tenantId,
            saga.operation,
            last.updatedAt(),
            saga.failedStep,
            last.compensatedFully()));
    return new ProvisioningFailedException(last, cause);
  }
}
