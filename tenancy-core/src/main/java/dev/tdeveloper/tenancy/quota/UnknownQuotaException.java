package dev.tdeveloper.tenancy.quota;

import dev.tdeveloper.tenancy.TenancyException;
import dev.tdeveloper.tenancy.TenantId;

/**
 * Thrown when a tenant consumes a resource that has no quota policy for it: consumption is never
 * silently unlimited, so a missing policy is a configuration error to fix.
 */
public final class UnknownQuotaException extends TenancyException {
  private static final long serialVersionUID = 1L;
  private final TenantId tenant;
  private final String resource;

  /**
   * Creates the exception.
   *
   * @param tenant the tenant
   * @param resource the resource without a policy
   */
  public UnknownQuotaException(TenantId tenant, String resource) {
    super("no quota policy for resource '" + resource + "' of tenant '" + tenant + "'");
    this.tenant = tenant;
    this.resource = resource;
  }

  /** Returns the tenant. */
  public TenantId tenant() {
    return tenant;
  }

  /** Returns the resource without a policy. */
  public String resource() {
    return resource;
  }
}
