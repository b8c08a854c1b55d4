package dev.tdeveloper.tenancy.quota;

import dev.tdeveloper.tenancy.TenantId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Finds the quota policy that applies to a tenant's use of a resource. Implementations are looked
 * up on every decision, so they must be fast and thread-safe; the factories here are both.
 */
@FunctionalInterface
public interface QuotaPolicies {
  /**
   * Returns the policy for {@code resource} of {@code tenant}, or empty when the resource has no
   * quota for that tenant (the enforcer then throws {@link UnknownQuotaException}).
   */
  Optional<QuotaPolicy> find(TenantId tenant, String resource);

  /**
   * Returns policies that apply to every tenant alike.
   *
   * @throws IllegalArgumentException if two policies name the same resource
   */
  static QuotaPolicies of(List<QuotaPolicy> policies) {
    Map<String, QuotaPolicy> byResource = index("policies", policies);
    return (tenant, resource) -> Optional.ofNullable(byResource.get(resource));
  }

  /**
   * Returns policies that depend on each tenant's plan. A tenant whose plan has no entry, or whose
   * plan lists no policy for a resource, has no quota for it.
   *
   * @param planOf returns the plan of a tenant (for example from the tenant registry); it is called
   *     on every lookup and must not return null
   * @param policiesByPlan the policies of each plan, copied
   * @throws IllegalArgumentException if a plan lists two policies for the same resource
   */
  static QuotaPolicies perPlan(
      Function<TenantId, String> planOf, Map<String, List<QuotaPolicy>> policiesByPlan) {
    Objects.requireNonNull(planOf, "planOf");
    Objects.requireNonNull(policiesByPlan, "policiesByPlan");
    Map<String, Map<String, QuotaPolicy>> copy = new HashMap<>();
    policiesByPlan.forEach(
        (plan, policies) -> {
          Objects.requireNonNull(plan, "policiesByPlan key");
          copy.put(plan, index("policies of plan '" + plan + "'", policies));
        });
    Map<String, Map<String, QuotaPolicy>> frozen = Map.copyOf(copy);
    return (tenant, resource) -> {
      String plan = planOf.apply(tenant);
      if (plan == null) {
        throw new NullPointerException("planOf returned null for tenant '" + tenant + "'");
      }
      Map<String, QuotaPolicy> ofPlan = frozen.get(plan);
      return ofPlan == null ? Optional.empty() : Optional.ofNullable(ofPlan.get(resource));
    };
  }

  private static Map<String, QuotaPolicy> index(String what, List<QuotaPolicy> policies) {
    Objects.requireNonNull(policies, what);
    Map<String, QuotaPolicy> byResource = new HashMap<>();
    for (QuotaPolicy policy : policies) {
      Objects.requireNonNull(policy, what + " element");
      QuotaPolicy previous = byResource.putIfAbsent(policy.resource(), policy);
      if (previous != null) {
        throw new IllegalArgumentException(
            what
                + " lists resource '"
                + policy.resource()
                + "' twice ("
                + previous
                + " and "
                + policy
                + "); allowed: one policy per resource");
      }
    }
    return Map.copyOf(byResource);
  }
}
