package dev.tdeveloper.tenancy.provision;

import dev.tdeveloper.tenancy.TenantStatus;
import java.util.Optional;

/**
 * The lifecycle operations a {@link TenantProvisioner} runs as sagas, each with its own ordered
 * steps. The status moves of each are documented on the provisioner's methods.
 */
public enum LifecycleOperation {
  /** A new tenant: recorded as PROVISIONING, steps, then ACTIVE; DELETED if it fails. */
  PROVISION(TenantStatus.PROVISIONING, TenantStatus.ACTIVE, TenantStatus.DELETED),
  /** ACTIVE to SUSPENDED first (traffic stops), then steps; back to ACTIVE if it fails. */
  SUSPEND(TenantStatus.SUSPENDED, null, TenantStatus.ACTIVE),
  /** Steps first, then SUSPENDED to ACTIVE; stays SUSPENDED if it fails. */
  REACTIVATE(null, TenantStatus.ACTIVE, null),
  /** To OFFBOARDING first, steps, then DELETED; stays OFFBOARDING (retryable) if it fails. */
  OFFBOARD(TenantStatus.OFFBOARDING, TenantStatus.DELETED, null);

  private final TenantStatus begin;
  private final TenantStatus end;
  private final TenantStatus rollback;

  LifecycleOperation(TenantStatus begin, TenantStatus end, TenantStatus rollback) {
    this.begin = begin;
    this.end = end;
    this.rollback = rollback;
  }

  /** The status set before the first step, if any. */
  Optional<TenantStatus> beginStatus() {
    return Optional.ofNullable(begin);
  }

  /** The status set after the last step, if any. */
  Optional<TenantStatus> endStatus() {
    return Optional.ofNullable(end);
  }

  /** The status set after a failure has been compensated, if any. */
  Optional<TenantStatus> rollbackStatus() {
    return Optional.ofNullable(rollback);
  }
}
