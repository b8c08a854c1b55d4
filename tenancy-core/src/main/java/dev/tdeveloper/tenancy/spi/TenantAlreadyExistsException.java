package dev.tdeveloper.tenancy.spi;

import dev.tdeveloper.tenancy.TenancyException;
import dev.tdeveloper.tenancy.TenantId;

/** Thrown when a tenant is created with an id that is already recorded. */
public final class TenantAlreadyExistsException extends TenancyException {
  private static final long serialVersionUID = 1L;
  private final TenantId tenantId;

  /** Creates the exception for {@code tenantId}. */
  public TenantAlreadyExistsException(TenantId tenantId) {
    super("tenant '" + tenantId + "' already exists");
    this.tenantId = tenantId;
  }

  /** Returns the id that is already taken. */
  public TenantId tenantId() {
    return tenantId;
  }
}
