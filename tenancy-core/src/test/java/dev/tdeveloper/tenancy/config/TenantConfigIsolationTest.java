package dev.tdeveloper.tenancy.config;

import static dev.tdeveloper.tenancy.config.Yamls.load;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.tenancy.TenantId;
import org.junit.jupiter.api.Test;

/** One tenant's overrides never show up in another tenant's settings. */
class TenantConfigIsolationTest {
  private static final String TWO_TENANTS_SAME_PLAN =
      """
      defaults: { ratelimit: { burst: 10 } }
      plans:
        free: { settings: { ratelimit: { requests-per-second: 5 } } }
      tenants:
        alpha:
          settings:
            ratelimit: { requests-per-second: 500, burst: 1000 }
            feature: { beta: true }
        bravo: {}
      """;

  @Test
  void neverLeaksOverridesAcrossTenantsOnTheSamePlan() {
    TenantConfig config = load(TWO_TENANTS_SAME_PLAN);
    TenantSettings alpha = config.settingsFor(TenantId.of("alpha"));
    TenantSettings bravo = config.settingsFor(TenantId.of("bravo"));

    assertThat(alpha.requireInt("ratelimit.requests-per-second")).isEqualTo(500);
    assertThat(bravo.requireInt("ratelimit.requests-per-second")).isEqualTo(5);
    assertThat(bravo.requireInt("ratelimit.burst")).isEqualTo(10);
    assertThat(bravo.contains("feature.beta")).isFalse();
    assertThat(bravo.keys())
        .noneMatch(key -> bravo.source(key).orElseThrow() == ConfigLayer.TENANT);
  }

  @Test
  void neverLeaksOverridesIntoTenantsMissingFromTheFileOrIntoThePlan() {
    TenantConfig config = load(TWO_TENANTS_SAME_PLAN);

    TenantSettings stranger = config.settingsFor(TenantId.of("charlie"));
    assertThat(stranger.requireInt("ratelimit.requests-per-second")).isEqualTo(5);
    assertThat(stranger.contains("feature.beta")).isFalse();
    assertThat(config.settingsForPlan("free").requireInt("ratelimit.burst")).isEqualTo(10);
    assertThat(stranger.tenant()).contains(TenantId.of("charlie"));
    assertThat(config.settingsFor(TenantId.of("alpha")).tenant()).contains(TenantId.of("alpha"));
  }
}
