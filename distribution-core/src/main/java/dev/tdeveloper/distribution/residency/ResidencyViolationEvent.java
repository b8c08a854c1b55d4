package dev.tdeveloper.distribution.residency;

import dev.tdeveloper.distribution.region.RegionId;
import dev.tdeveloper.tenancy.TenantId;
import java.time.Instant;
import java.util.Objects;

/**
 * Published when a write, request or replica was refused because it would have put a tenant's data
 * in a region its residency policy does not allow; for the audit log.
 *
 * <p>Immutable and thread-safe.
 *
 * @param time when the operation was refused
 * @param tenant the tenant whose data it was
 * @param purpose what the region would have done with it
 * @param region the refused region
 * @param policy the name of the tenant's residency policy
 * @param operation what was refused, as the caller described it (for example {@code replicate
 *     notes/acme from eu-west-1})
 */
public record ResidencyViolationEvent(
    Instant time,
    TenantId tenant,
    DataPurpose purpose,
    RegionId region,
    String policy,
    String operation) {
  /** Checks that no field is null. */
  public ResidencyViolationEvent {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(purpose, "purpose");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(operation, "operation");
  }
}
