package dev.tdeveloper.demo;

import dev.tdeveloper.tenancy.Tenant;
import dev.tdeveloper.tenancy.TenantStatus;
import dev.tdeveloper.tenancy.config.ConfigProblem;
import dev.tdeveloper.tenancy.config.TenantConfig;
import dev.tdeveloper.tenancy.spi.TenantRegistry;
import java.util.List;
import java.util.Optional;

/**
 * Keeps {@code tenants.yaml} and the registry agreeing on plans: a file that drops a plan some
 * registered tenant is on is refused, since that tenant's rate limits, quotas and WAF policy would
 * have nothing to resolve to. A validator of the reloadable {@code tenants.yaml}. Thread-safe.
 */
final class RegisteredPlans {
  private RegisteredPlans() {}

  /**
   * Returns one problem per tenant of {@code registry} not yet deleted whose plan {@code config}
   * does not declare, naming the tenant, its plan and the plans the file declares. An empty
   * registry (the first start) has none.
   */
  static List<ConfigProblem> problems(TenantRegistry registry, TenantConfig config) {
    return registry.list().stream()
        .filter(t -> t.status() != TenantStatus.DELETED && !config.plans().contains(t.plan()))
        .map(t -> problem(t, config))
        .toList();
  }

  private static ConfigProblem problem(Tenant tenant, TenantConfig config) {
    return new ConfigProblem(
        Optional.empty(),
        "plans",
        Optional.of(tenant.plan()),
        "no longer declares plan '"
            + tenant.plan()
            + "' of registered tenant '"
            + tenant.id()
            + "'",
        Optional.of(
            "a file declaring every registered tenant's plan; declared: " + config.plans()));
  }
}
