package dev.tdeveloper.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.security.waf.EngineMode;
import dev.tdeveloper.security.waf.WafPolicy;
import dev.tdeveloper.tenancy.Tenant;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.config.ConfigException;
import dev.tdeveloper.tenancy.config.TenantConfig;
import dev.tdeveloper.tenancy.config.TenantConfigLoader;
import dev.tdeveloper.tenancy.spi.TenantRegistry;
import java.io.StringReader;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** WAF policies of tenants whose plan lives in the registry, not in {@code tenants.yaml}. */
class DemoWafPoliciesPlanTest {
  private static final TenantId ACME = TenantId.of("acme");
  private static final TenantId NEWCOMER = TenantId.of("newcomer");

  private static final TenantConfig CONFIG =
      TenantConfigLoader.load(
          "tenants.yaml",
          new StringReader(
              """
              defaultPlan: free
              plans:
                free: {}
                enterprise: { settings: { waf: { paranoia-level: 2 } } }
              tenants:
                acme: { plan: free, settings: { waf: { mode: detection-only } } }
              """));

  private final TenantRegistry registry = TenantRegistry.inMemory();
  private final DemoWafPolicies policies =
      DemoWafPolicies.of(CONFIG, id -> registry.find(id).map(Tenant::plan));

  @Test
  void aTenantCreatedAtRunTimeGetsItsRegisteredPlansPolicyInItsOwnNamespace() {
    registry.create(Tenant.builder("newcomer").plan("enterprise").build());

    WafPolicy policy = policies.forTenant(NEWCOMER);

    assertThat(policy.paranoiaLevel()).isEqualTo(OptionalInt.of(2));
    assertThat(policy.namespace()).isEqualTo("newcomer");
    assertThat(DemoWafPolicies.of(CONFIG).forTenant(NEWCOMER).paranoiaLevel())
        .as("without the lookup, the default plan")
        .isEmpty();
  }

  @Test
  void aListedTenantOnAnotherRegisteredPlanKeepsItsOwnOverrides() {
    assertThat(policies.forTenant(ACME).paranoiaLevel()).isEmpty();
    registry.create(Tenant.builder("acme").plan("enterprise").build());

    WafPolicy policy = policies.forTenant(ACME);

    assertThat(policy.paranoiaLevel()).isEqualTo(OptionalInt.of(2));
    assertThat(policy.mode()).contains(EngineMode.DETECTION_ONLY);
    assertThat(policy.namespace()).isEqualTo("acme");
    assertThat(policies.forTenant(ACME)).isSameAs(policy);
  }

  @Test
  void aPlanTheFileDoesNotDeclareIsRefusedNamingItAndTheKnownPlans() {
    registry.create(Tenant.builder("newcomer").plan("platinum").build());

    assertThatThrownBy(() -> policies.forTenant(NEWCOMER))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("unknown plan 'platinum'")
        .hasMessageContaining("[enterprise, free]");
    assertThat(DemoWafPolicies.of(CONFIG, id -> Optional.empty()).forTenant(NEWCOMER).namespace())
        .isEqualTo("newcomer");
  }
}
