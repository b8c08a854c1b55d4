package dev.tdeveloper.distribution.residency;

import dev.tdeveloper.distribution.region.RegionId;
import dev.tdeveloper.tenancy.TenantId;
import java.util.Objects;

/**
 * The answer of {@link ResidencyEnforcer#check}: the region may hold the tenant's data for the
 * purpose, or doing so would violate the tenant's policy.
 *
 * <p>Immutable and thread-safe.
 */
public sealed interface ResidencyDecision {
  /** Returns the tenant asked about. */
  TenantId tenant();

  /** Returns what the region would do with the data. */
  DataPurpose purpose();

  /** Returns the region asked about. */
  RegionId region();

  /** Returns the tenant's policy. */
  ResidencyPolicy policy();

  /** Returns whether the region is allowed. */
  default boolean allowed() {
    return this instanceof Allowed;
  }

  /**
   * The region is allowed.
   *
   * @param tenant the tenant
   * @param purpose what the region would do
   * @param region the region
   * @param policy the tenant's policy
   */
  record Allowed(TenantId tenant, DataPurpose purpose, RegionId region, ResidencyPolicy policy)
      implements ResidencyDecision {
    /** Checks that no field is null. */
    public Allowed {
      Objects.requireNonNull(tenant, "tenant");
      Objects.requireNonNull(purpose, "purpose");
      Objects.requireNonNull(region, "region");
      Objects.requireNonNull(policy, "policy");
    }
  }

  /**
   * The region is not allowed.
   *
   * @param tenant the tenant
   * @param purpose what the region would do
   * @param region the refused region
   * @param policy the tenant's policy
   */
  record Violation(TenantId tenant, DataPurpose purpose, RegionId region, ResidencyPolicy policy)
      implements ResidencyDecision {
    /** Checks that no field is null. */
    public Violation {
      Objects.requireNonNull(tenant, "tenant");
      Objects.requireNonNull(purpose, "purpose");
      Objects.requireNonNull(region, "region");
      Objects.requireNonNull(policy, "policy");
    }

    /** Returns the exception describing this violation (tenant, purpose, region, policy). */
    public ResidencyViolationException exception() {
      return new ResidencyViolationException(tenant, purpose, region, policy);
    }
  }
}
