package dev.tdeveloper.security.posture;

import dev.tdeveloper.security.ratelimit.TenantRateLimitPolicies;
import dev.tdeveloper.tenancy.Tenant;
import dev.tdeveloper.tenancy.config.TenantConfig;
import dev.tdeveloper.tenancy.config.TenantSettings;
import dev.tdeveloper.tenancy.quota.TenantQuotaPolicies;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Checks the {@code tenants.yaml} in force: every plan (which covers tenants not listed) and every
 * listed tenant has at least one quota ({@code quota.<resource>.limit}), and every plan has a rate
 * limit ({@value TenantRateLimitPolicies#REQUESTS_PER_SECOND}), as the policy requires.
 */
final class TenantConfigCheck implements PostureCheck {
  static final String ID = "tenants";

  private final Supplier<TenantConfig> config;

  TenantConfigCheck(Supplier<TenantConfig> config) {
    this.config = config;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public List<Finding> run(PostureContext context) {
    TenantConfig current = config.get();
    SecurityPolicy policy = context.policy();
    List<Finding> findings = new ArrayList<>();
    for (String plan : current.plans()) {
      TenantSettings settings = current.settingsForPlan(plan);
      Subject subject = Subject.platform("plan", plan);
      if (policy.requireQuota() && !hasQuota(settings)) {
        findings.add(
            new Finding(
                ID + ".plan-without-quota",
                Severity.MEDIUM,
                subject,
                "plan '"
                    + plan
                    + "' in "
                    + current.source()
                    + " sets no quota, so its tenants can consume without limit",
                "set quota.<resource>.limit for the plan (or under defaults) in tenants.yaml",
                "no quota.*.limit",
                "at least one quota.<resource>.limit"));
      }
      if (policy.requireRateLimit()
          && !settings.contains(TenantRateLimitPolicies.REQUESTS_PER_SECOND)) {
        findings.add(
            new Finding(
                ID + ".plan-without-rate-limit",
                Severity.HIGH,
                subject,
                "plan '" + plan + "' in " + current.source() + " sets no rate limit",
                "set "
                    + TenantRateLimitPolicies.REQUESTS_PER_SECOND
                    + " for the plan (or under defaults) in tenants.yaml",
                "no " + TenantRateLimitPolicies.REQUESTS_PER_SECOND,
                TenantRateLimitPolicies.REQUESTS_PER_SECOND + " set"));
      }
    }
    if (policy.requireQuota()) {
      for (Tenant tenant : current.tenants()) {
        if (!hasQuota(current.settingsFor(tenant.id()))) {
          findings.add(
              new Finding(
                  ID + ".tenant-without-quota",
                  Severity.MEDIUM,
                  Subject.tenant(tenant.id()),
                  "tenant '" + tenant.id().value() + "' (plan " + tenant.plan() + ") has no quota",
                  "set a quota for its plan or for the tenant in tenants.yaml",
                  "no quota.*.limit",
                  "at least one quota.<resource>.limit"));
        }
      }
    }
    return findings;
  }

  private static boolean hasQuota(TenantSettings settings) {
    return settings.keys().stream()
        .anyMatch(k -> k.startsWith(TenantQuotaPolicies.PREFIX) && k.endsWith(".limit"));
  }
}
