package dev.tdeveloper.tenancy.spi;

import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.quota.QuotaPolicy;
import java.time.Instant;
import java.util.Objects;

/**
 * Names one quota counter: a tenant's use of a resource in the window that starts at {@code
 * windowStart}. Each window has its own counter, so a new window starts from zero without a reset
 * step. Immutable and thread-safe.
 *
 * @param tenant the tenant
 * @param resource the resource token (see {@link QuotaPolicy#requireResource(String)})
 * @param windowStart the first instant of the window
 */
public record QuotaKey(TenantId tenant, String resource, Instant windowStart) {
  /**
   * Validates the key.
   *
   * @throws NullPointerException naming the null field
   * @throws IllegalArgumentException if {@code resource} is not a valid resource token
   */
  public QuotaKey {
    Objects.requireNonNull(tenant, "tenant");
    QuotaPolicy.requireResource(resource);
    Objects.requireNonNull(windowStart, "windowStart");
  }
}
