package dev.tdeveloper.security.posture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.config.TenantConfig;
import dev.tdeveloper.tenancy.config.TenantConfigLoader;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TenantConfigCheckTest {
  private static TenantConfig config(String yaml) {
    return TenantConfigLoader.load("tenants.yaml", new StringReader(yaml));
  }

  private static List<Finding> run(TenantConfig config, SecurityPolicy policy) {
    return PostureChecks.tenantConfig(() -> config).run(new PostureContext(policy, Instant.EPOCH));
  }

  @Test
  void plansWithQuotasAndRateLimitsPass() {
    TenantConfig config =
        config(
            """
            defaults:
              ratelimit: { requests-per-second: 5 }
              quota: { notes: { limit: 100 } }
            plans: { free: {}, pro: { settings: { quota: { notes: { limit: 1000 } } } } }
            tenants: { acme: { plan: pro } }
            """);

    assertThat(run(config, SecurityPolicy.defaults())).isEmpty();
  }

  @Test
  void plansAndTenantsWithoutQuotasOrRateLimitsAreFindings() {
    TenantConfig config =
        config(
            """
            plans:
              free: { settings: { ratelimit: { requests-per-second: 5 } } }
              pro: { settings: { quota: { notes: { limit: 10 } } } }
            tenants:
              acme: { plan: free }
              globex: { plan: pro }
            """);

    List<Finding> findings = run(config, SecurityPolicy.defaults());

    assertThat(findings)
        .extracting(Finding::checkId, Finding::subject, Finding::severity)
        .containsExactly(
            tuple("tenants.plan-without-quota", Subject.platform("plan", "free"), Severity.MEDIUM),
            tuple(
                "tenants.plan-without-rate-limit", Subject.platform("plan", "pro"), Severity.HIGH),
            tuple(
                "tenants.tenant-without-quota",
                Subject.tenant(TenantId.of("acme")),
                Severity.MEDIUM));
    SecurityPolicy lenient =
        SecurityPolicy.builder().requireQuota(false).requireRateLimit(false).build();
    assertThat(run(config, lenient)).isEmpty();
  }
}
