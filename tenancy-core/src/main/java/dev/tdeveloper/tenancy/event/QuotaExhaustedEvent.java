package dev.tdeveloper.tenancy.event;

import dev.tdeveloper.tenancy.TenantId;
import java.time.Instant;
import java.util.Objects;

/**
 * A consumption was refused because it would have exceeded the tenant's quota; published once per
 * refused request. Immutable and thread-safe.
 *
 * @param tenant the tenant
 * @param resource the resource
 * @param requested the refused amount
 * @param used what the tenant had consumed in the window when refused
 * @param limit the policy's limit
 * @param resetAt when the window ends
 * @param at when the consumption was refused
 */
public record QuotaExhaustedEvent(
    TenantId tenant,
    String resource,
    long requested,
    long used,
    long limit,
    Instant resetAt,
    Instant at)
    implements QuotaEvent {
  /** Checks that no field is null. */
  public QuotaExhaustedEvent {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(resource, "resource");
    Objects.requireNonNull(resetAt, "resetAt");
    Objects.requireNonNull(at, "at");
  }
}
