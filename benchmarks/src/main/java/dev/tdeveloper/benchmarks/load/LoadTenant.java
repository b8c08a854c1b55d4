package dev.tdeveloper.benchmarks.load;

import java.util.Objects;

/**
 * One tenant of the load: its id, plan, sustained rate limit (requests per second, from the demo's
 * {@code tenants.yaml}), how requests name it and what role it plays in the mix.
 *
 * @param id the tenant id, provisioned through the demo's admin API
 * @param plan {@code free}, {@code pro} or {@code enterprise}
 * @param rateLimit the plan's sustained requests per second
 * @param bySubdomain whether requests name the tenant by {@code Host} subdomain (else by header)
 * @param role normal, driven over its limit, or flooding
 */
public record LoadTenant(
    String id, String plan, int rateLimit, boolean bySubdomain, LoadTenant.Role role) {
  /** The role a tenant plays in the mix. */
  public enum Role {
    /** Reads, writes and usage reads below its rate limit. */
    NORMAL,
    /** The normal mix at {@link Roster#OVER_LIMIT_FACTOR} times its rate limit. */
    OVER_LIMIT,
    /** Reads at a fixed share of the whole rate, far above any plan's limit. */
    FLOOD
  }

  /** Validates the tenant. */
  public LoadTenant {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(role, "role");
    if (rateLimit < 1) {
      throw new IllegalArgumentException("rateLimit must be at least 1, was " + rateLimit);
    }
  }
}
