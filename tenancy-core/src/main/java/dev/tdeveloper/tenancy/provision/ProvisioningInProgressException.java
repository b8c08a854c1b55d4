package dev.tdeveloper.tenancy.provision;

import dev.tdeveloper.tenancy.TenancyException;
import dev.tdeveloper.tenancy.TenantId;

/**
 * Thrown when a lifecycle operation is requested for a tenant that already has a saga running in
 * this provisioner, or an incomplete one in the journal (left by a crash: finish it first with
 * {@link TenantProvisioner#resumeIncomplete()}). Nothing is changed.
 */
public final class ProvisioningInProgressException extends TenancyException {
  private static final long serialVersionUID = 1L;
  private final TenantId tenantId;
  private final String sagaId;

  ProvisioningInProgressException(TenantId tenantId, String sagaId, String detail) {
    super("tenant '" + tenantId + "' has saga " + sagaId + " " + detail);
    this.tenantId = tenantId;
    this.sagaId = sagaId;
  }

  /** Returns the tenant. */
  public TenantId tenantId() {
    return tenantId;
  }

  /** Returns the saga in the way. */
  public String sagaId() {
    return sagaId;
  }
}
