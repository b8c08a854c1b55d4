package dev.tdeveloper.tenancy.access;

import dev.tdeveloper.tenancy.TenantId;

/**
 * Thrown when a principal tries to use a tenant it does not belong to and no live operator grant
 * covers it. Callers that must not reveal whether a tenant exists may answer it like "not found".
 */
public final class CrossTenantAccessException extends AccessDeniedException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception. */
  public CrossTenantAccessException(String principalId, TenantId tenant, Permission permission) {
    super(
        "principal '"
            + principalId
            + "' is not a member of tenant '"
            + tenant
            + "' and holds no live operator grant for permission '"
            + permission
            + "' there",
        principalId,
        tenant,
        permission);
  }
}
