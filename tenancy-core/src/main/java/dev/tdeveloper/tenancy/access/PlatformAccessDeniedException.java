package dev.tdeveloper.tenancy.access;

import dev.tdeveloper.tenancy.TenancyException;

/**
 * Thrown when a principal may not use a platform permission (an operator view or admin route)
 * because none of its platform roles grants it. No stack trace is filled in, so refusing is cheap.
 */
public final class PlatformAccessDeniedException extends TenancyException {
  private static final long serialVersionUID = 1L;
  private final String principalId;
  private final Permission permission;

  /** Creates the exception. */
  public PlatformAccessDeniedException(String principalId, Permission permission) {
    super(
        "principal '" + principalId + "' holds no platform role granting '" + permission + "'",
        true);
    this.principalId = principalId;
    this.permission = permission;
  }

  /** Returns the refused principal's id. */
  public String principalId() {
    return principalId;
  }

  /** Returns the refused permission. */
  public Permission permission() {
    return permission;
  }
}
