package dev.tdeveloper.distribution.residency;

import dev.tdeveloper.tenancy.TenantId;

/**
 * Looks up a tenant's residency policy; routing and replication ask it on every decision.
 * Implementations must be thread-safe and fast (a map lookup).
 */
@FunctionalInterface
public interface ResidencyPolicies {
  /**
   * Returns the policy of {@code tenant}.
   *
   * @param tenant the tenant
   * @return its policy; {@link ResidencyPolicy#unrestricted()} when it has none
   */
  ResidencyPolicy policyFor(TenantId tenant);

  /** Returns the lookup that gives every tenant the unrestricted policy. */
  static ResidencyPolicies unrestricted() {
    return tenant -> ResidencyPolicy.unrestricted();
  }
}
