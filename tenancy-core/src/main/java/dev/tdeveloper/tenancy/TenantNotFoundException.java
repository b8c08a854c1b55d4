package dev.tdeveloper.tenancy;

/** Thrown when an operation names a tenant the registry does not know. */
public final class TenantNotFoundException extends TenancyException {
  private static final long serialVersionUID = 1L;
  private final TenantId tenantId;

  /**
   * Creates the exception.
   *
   * @param tenantId the tenant that was looked for
   */
  public TenantNotFoundException(TenantId tenantId) {
    super("tenant '" + tenantId + "' not found");
    this.tenantId = tenantId;
  }

  /** Returns the tenant that was looked for. */
  public TenantId tenantId() {
    return tenantId;
  }
}
