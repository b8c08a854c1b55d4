package dev.tdeveloper.tenancy;

/**
 * Thrown when a tenant is asked to move to a lifecycle status its current status does not allow.
 */
public final class IllegalTenantTransitionException extends TenancyException {
  private static final long serialVersionUID = 1L;
  private final TenantId tenantId;
  private final TenantStatus from;
  private final TenantStatus to;

  /**
   * Creates the exception.
   *
   * @param tenantId the tenant
   * @param from its current status
   * @param to the refused target status
   */
  public IllegalTenantTransitionException(TenantId tenantId, TenantStatus from, TenantStatus to) {
    super(
        "tenant '"
            + tenantId
            + "' cannot move from "
            + from
            + " to "
            + to
            + "; allowed from "
            + from
            + ": "
            + from.allowedNext());
    this.tenantId = tenantId;
    this.from = from;
    this.to = to;
  }

  /** Returns the tenant. */
  public TenantId tenantId() {
    return tenantId;
  }

  /** Returns the status the tenant was in. */
  public TenantStatus from() {
    return from;
  }

  /** Returns the refused target status. */
  public TenantStatus to() {
    return to;
  }
}
