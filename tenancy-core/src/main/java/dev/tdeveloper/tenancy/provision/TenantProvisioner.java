package dev.tdeveloper.tenancy.provision;

import dev.tdeveloper.tenancy.IllegalTenantTransitionException;
import dev.tdeveloper.tenancy.Tenant;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.TenantNotFoundException;
import dev.tdeveloper.tenancy.TenantStatus;
import dev.tdeveloper.tenancy.spi.ProvisioningJournal;
import dev.tdeveloper.tenancy.spi.SagaRecord;
import dev.tdeveloper.tenancy.spi.SagaState;
import dev.tdeveloper.tenancy.spi.TenantAlreadyExistsException;
import dev.tdeveloper.tenancy.spi.TenantRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs tenant lifecycle operations (provision, suspend, reactivate, offboard) as sagas: the
 * operation's steps run in order with progress journaled before and after each; when a step throws,
 * the completed steps are compensated newest first and a {@link ProvisioningFailedException} says
 * which step failed and whether compensation fully succeeded.
 *
 * <p>Illegal lifecycle moves are refused with {@link IllegalTenantTransitionException} before
 * anything runs or is journaled. An {@link Error} thrown by a step is treated as a process crash:
 * it propagates and the journal is left as it is; {@link #resumeIncomplete()} (typically called at
 * start-up over a durable journal) finishes such sagas. One tenant has at most one saga at a time.
 *
 * <p>Thread-safe: sagas of different tenants run concurrently.
 */
public final class TenantProvisioner {
  private final TenantRegistry registry;
  private final ProvisioningJournal journal;
  private final Map<LifecycleOperation, List<String>> stepNames;
  private final SagaDriver driver;
  private final ConcurrentHashMap<TenantId, String> inFlight = new ConcurrentHashMap<>();

  TenantProvisioner(
      TenantRegistry registry,
      ProvisioningJournal journal,
      Map<LifecycleOperation, List<String>> stepNames,
      SagaDriver driver) {
    this.registry = registry;
    this.journal = journal;
    this.stepNames = stepNames;
    this.driver = driver;
  }

  /** Returns a builder; a registry is required, everything else has a default. */
  public static TenantProvisionerBuilder builder() {
    return new TenantProvisionerBuilder();
  }

  /**
   * Provisions a new tenant: records it as PROVISIONING, runs the PROVISION steps, then moves it to
   * ACTIVE. If a step fails, the completed steps are compensated and the tenant is moved to
   * DELETED.
   *
   * @param tenant the tenant to create, in status PROVISIONING
   * @return the tenant as recorded, ACTIVE
   * @throws IllegalArgumentException if the tenant is not in status PROVISIONING
   * @throws TenantAlreadyExistsException if the id is taken; nothing changes
   * @throws ProvisioningInProgressException if the tenant has an unfinished saga; nothing changes
   * @throws ProvisioningFailedException if a step failed
   */
  public Tenant provision(Tenant tenant) {
    Objects.requireNonNull(tenant, "tenant");
    if (tenant.status() != TenantStatus.PROVISIONING) {
      throw new IllegalArgumentException(
          "status of tenant '"
              + tenant.id()
              + "' must be PROVISIONING to be provisioned, was "
              + tenant.status());
    }
    String sagaId = UUID.randomUUID().toString();
    claim(tenant.id(), sagaId);
    try {
      if (registry.find(tenant.id()).isPresent()) {
        throw new TenantAlreadyExistsException(tenant.id());
      }
      Saga saga = start(LifecycleOperation.PROVISION, tenant.id(), sagaId, Optional.empty());
      driver.create(saga, tenant);
      return driver.drive(saga);
    } finally {
      inFlight.remove(tenant.id(), sagaId);
    }
  }

  /**
   * Suspends an ACTIVE tenant: moves it to SUSPENDED (so it stops serving traffic), then runs the
   * SUSPEND steps, which see {@code reason} in {@link StepContext#reason()}. If a step fails, the
   * completed steps are compensated and the tenant is moved back to ACTIVE.
   *
   * @param reason why, for the steps and the journal; not blank, at most 500 characters
   * @return the tenant as recorded, SUSPENDED
   * @throws IllegalArgumentException if the reason is blank or too long
   * @throws TenantNotFoundException if the tenant is unknown
   * @throws IllegalTenantTransitionException if the tenant is not ACTIVE; nothing changes
   * @throws ProvisioningFailedException if a step failed
   */
  public Tenant suspend(TenantId tenantId, String reason) {
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(reason, "reason");
    if (reason.isBlank() || reason.length() > 500) {
      throw new IllegalArgumentException(
          "reason for suspending '"
              + tenantId
              + "' must be 1-500 characters, not blank, was "
              + reason.length()
              + " characters");
    }
    return transition(LifecycleOperation.SUSPEND, tenantId, Optional.of(reason));
  }

  /**
   * Reactivates a SUSPENDED tenant: runs the REACTIVATE steps, then moves it to ACTIVE. If a step
   * fails, the completed steps are compensated and the tenant stays SUSPENDED.
   *
   * @return the tenant as recorded, ACTIVE
   * @throws TenantNotFoundException if the tenant is unknown
   * @throws IllegalTenantTransitionException if the tenant is not SUSPENDED; nothing changes
   * @throws ProvisioningFailedException if a step failed
   */
  public Tenant reactivate(TenantId tenantId) {
    return transition(LifecycleOperation.REACTIVATE, tenantId, Optional.empty());
  }

  /**
   * Offboards a tenant: moves it to OFFBOARDING, runs the OFFBOARD steps, then moves it to DELETED.
   * If a step fails, the completed steps are compensated and the tenant stays OFFBOARDING;
   * offboarding an OFFBOARDING tenant retries, so the steps must be idempotent.
   *
   * @return the tenant as recorded, DELETED
   * @throws TenantNotFoundException if the tenant is unknown
   * @throws IllegalTenantTransitionException if the tenant is PROVISIONING or DELETED; nothing
   *     changes
   * @throws ProvisioningFailedException if a step failed
   */
  public Tenant offboard(TenantId tenantId) {
    return transition(LifecycleOperation.OFFBOARD, tenantId, Optional.empty());
  }

  /**
   * Finishes every saga the journal holds as RUNNING or COMPENSATING (left by a crash), oldest
   * first: a running saga goes on from the step after the last completed one (re-running a step
   * that was interrupted), a compensating one goes on compensating. Sagas running in this
   * provisioner right now are skipped. A saga that fails is recorded FAILED, not thrown.
   *
   * @return the final records of the sagas resumed
   * @throws IllegalStateException if a saga's recorded steps differ from this provisioner's steps
   *     for its operation (a deployment changed them); nothing is resumed
   */
  public List<SagaRecord> resumeIncomplete() {
    List<SagaRecord> pending = journal.incomplete();
    List<String> changed = new ArrayList<>();
    for (SagaRecord record : pending) {
      if (!record.steps().equals(stepNames.get(record.operation()))) {
        changed.add(
            record.sagaId()
                + " ("
                + record.operation()
                + " of "
                + record.tenantId()
                + ", recorded steps "
                + record.steps()
                + ", configured "
                + stepNames.get(record.operation())
                + ")");
      }
    }
    if (!changed.isEmpty()) {
      throw new IllegalStateException(
          "cannot resume sagas whose steps changed since they started: " + changed);
    }
    List<SagaRecord> finished = new ArrayList<>();
    for (SagaRecord record : pending) {
      if (inFlight.putIfAbsent(record.tenantId(), record.sagaId()) != null) {
        continue;
      }
      try {
        Saga saga = Saga.resume(record);
        driver.publish(
            new ProvisioningEvent.SagaResumed(
                saga.id, saga.tenantId, saga.operation, driver.now(), record.activeStep()));
        try {
          if (saga.state == SagaState.RUNNING && saga.completed == 0) {
            driver.begin(saga);
          }
          driver.drive(saga);
        } catch (ProvisioningFailedException failed) {
          // Recorded as FAILED in the journal and published; reported through the result.
        }
        finished.add(journal.find(record.sagaId()).orElseThrow());
      } finally {
        inFlight.remove(record.tenantId(), record.sagaId());
      }
    }
    return List.copyOf(finished);
  }

  private Tenant transition(
      LifecycleOperation operation, TenantId tenantId, Optional<String> reason) {
    Objects.requireNonNull(tenantId, "tenantId");
    String sagaId = UUID.randomUUID().toString();
    claim(tenantId, sagaId);
    try {
      Tenant current =
          registry.find(tenantId).orElseThrow(() -> new TenantNotFoundException(tenantId));
      requireAllowed(operation, current);
      Saga saga = start(operation, tenantId, sagaId, reason);
      driver.begin(saga);
      return driver.drive(saga);
    } finally {
      inFlight.remove(tenantId, sagaId);
    }
  }

  private static void requireAllowed(LifecycleOperation operation, Tenant tenant) {
    TenantStatus from = tenant.status();
    TenantStatus to;
    boolean allowed;
    switch (operation) {
      case SUSPEND -> {
        to = TenantStatus.SUSPENDED;
        allowed = from == TenantStatus.ACTIVE;
      }
      case REACTIVATE -> {
        to = TenantStatus.ACTIVE;
        allowed = from == TenantStatus.SUSPENDED;
      }
      case OFFBOARD -> {
        to = TenantStatus.OFFBOARDING;
        allowed = from == TenantStatus.OFFBOARDING || from.canMoveTo(to);
      }
      default ->
          throw new IllegalArgumentException(
              "not a transition of an existing tenant: " + operation);
    }
    if (!allowed) {
      throw new IllegalTenantTransitionException(tenant.id(), from, to);
    }
  }

  private Saga start(
      LifecycleOperation operation, TenantId tenantId, String sagaId, Optional<String> reason) {
    Saga saga =
        Saga.start(sagaId, operation, tenantId, stepNames.get(operation), reason, driver.now());
    driver.record(saga);
    driver.publish(new ProvisioningEvent.SagaStarted(saga.id, tenantId, operation, saga.startedAt));
    return saga;
  }

  /** Marks the tenant as having a saga in flight, refusing if it already has an unfinished one. */
  private void claim(TenantId tenantId, String sagaId) {
    String running = inFlight.putIfAbsent(tenantId, sagaId);
    if (running != null) {
      throw new ProvisioningInProgressException(tenantId, running, "running in this provisioner");
    }
    try {
      for (SagaRecord record : journal.forTenant(tenantId)) {
        if (!record.state().isTerminal()) {
          throw new ProvisioningInProgressException(
              tenantId,
              record.sagaId(),
              "left " + record.state() + " in the journal; finish it with resumeIncomplete()");
        }
      }
    } catch (RuntimeException e) {
      inFlight.remove(tenantId, sagaId);
      throw e;
    }
  }
}
