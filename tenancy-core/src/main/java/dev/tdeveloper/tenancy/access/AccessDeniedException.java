package dev.tdeveloper.tenancy.access;

import dev.tdeveloper.tenancy.TenancyException;
import dev.tdeveloper.tenancy.TenantId;

/**
 * Thrown when a principal may not use a permission in a tenant. Thrown as is when the principal
 * belongs to the tenant but none of its roles grants the permission; its subclass {@link
 * CrossTenantAccessException} when it does not belong to the tenant at all. No stack trace is
 * filled in, so refusing is cheap.
 */
public class AccessDeniedException extends TenancyException {
  private static final long serialVersionUID = 1L;
  private final String principalId;
  private final TenantId tenant;
  private final Permission permission;

  /** Creates the exception for a member that lacks {@code permission}. */
  public AccessDeniedException(String principalId, TenantId tenant, Permission permission) {
    this(
        "principal '"
            + principalId
            + "' lacks permission '"
            + permission
            + "' in tenant '"
            + tenant
            + "'",
        principalId,
        tenant,
        permission);
  }

  /** Creates the exception with a custom message; for subclasses. */
  protected AccessDeniedException(
      String message, String principalId, TenantId tenant, Permission permission) {
    super(message, true);
    this.principalId = principalId;
    this.tenant = tenant;
    this.permission = permission;
  }

  /** Returns the refused principal's id. */
  public String principalId() {
    return principalId;
  }

  /** Returns the tenant access was refused to. */
  public TenantId tenant() {
    return tenant;
  }

  /** Returns the refused permission. */
  public Permission permission() {
    return permission;
  }
}
