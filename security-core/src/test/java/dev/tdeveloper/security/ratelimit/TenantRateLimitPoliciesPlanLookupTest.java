package dev.tdeveloper.security.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.tenancy.Tenant;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.config.ConfigException;
import dev.tdeveloper.tenancy.config.TenantConfig;
import dev.tdeveloper.tenancy.config.TenantConfigLoader;
import dev.tdeveloper.tenancy.spi.TenantRegistry;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Rate limits of tenants whose plan lives in the registry. Regression: a tenant created at run time
 * on {@code enterprise} was limited at the default {@code free} plan's rate.
 */
class TenantRateLimitPoliciesPlanLookupTest {
  private static final TenantId ACME = TenantId.of("acme");
  private static final TenantId BIG = TenantId.of("big");
  private static final TenantId SMALL = TenantId.of("small");

  private static final TenantConfig CONFIG =
      TenantConfigLoader.load(
          "tenants.yaml",
          new StringReader(
              """
              defaultPlan: free
              defaults:
                ratelimit: { requests-per-second: 5, burst: 10 }
              plans:
                free: {}
                enterprise:
                  settings:
                    ratelimit:
                      requests-per-second: 500
                      burst: 1000
                      routes: { export: { requests-per-second: 50 } }
              tenants:
                acme: { plan: enterprise, settings: { ratelimit: { burst: 3000 } } }
              """));

  private final TenantRegistry registry = TenantRegistry.inMemory();
  private final TenantRateLimitPolicies policies =
      TenantRateLimitPolicies.of(CONFIG, id -> registry.find(id).map(Tenant::plan));

  private static RateLimitPolicy perSecond(String plan, long rate, long burst) {
    return new RateLimitPolicy(
        plan, List.of(Bandwidth.of(burst).refilling(rate, Duration.ofSeconds(1))));
  }

  @Test
  void aTenantCreatedAtRunTimeGetsItsRegisteredPlansLimits() {
    registry.create(Tenant.builder("big").plan("enterprise").build());
    registry.create(Tenant.builder("small").plan("free").build());

    assertThat(policies.forTenant(BIG)).isEqualTo(perSecond("enterprise", 500, 1000));
    assertThat(policies.forKey(RateLimitKey.of(BIG, "export")))
        .isEqualTo(perSecond("enterprise", 50, 1000));
    assertThat(policies.forKey(RateLimitKey.of(SMALL))).isEqualTo(perSecond("free", 5, 10));
    assertThat(TenantRateLimitPolicies.of(CONFIG).forTenant(BIG))
        .as("without the lookup, the default plan")
        .isEqualTo(perSecond("free", 5, 10));
  }

  @Test
  void anEnterpriseTenantIsNotLimitedAtTheFreeRate() {
    registry.create(Tenant.builder("big").plan("enterprise").build());
    RateLimiter<RateLimitKey> limiter =
        RateLimiter.<RateLimitKey>builder()
            .policyResolver(policies::forKey)
            .ticker(new ManualClock())
            .build();

    for (int i = 0; i < 1000; i++) {
      assertThat(limiter.tryConsume(RateLimitKey.of(BIG), 1)).as("request %d", i).isTrue();
    }
    assertThat(limiter.tryConsume(RateLimitKey.of(BIG), 1)).isFalse();
  }

  @Test
  void anUpgradeTakesEffectAtRefreshPoliciesKeepingConsumedPermits() {
    registry.create(Tenant.builder("small").plan("free").build());
    registry.create(Tenant.builder("big").plan("enterprise").build());
    RateLimiter<RateLimitKey> limiter =
        RateLimiter.<RateLimitKey>builder()
            .policyResolver(policies::forKey)
            .ticker(new ManualClock())
            .build();
    RateLimitKey small = RateLimitKey.of(SMALL);
    for (int i = 0; i < 10; i++) {
      assertThat(limiter.tryConsume(small, 1)).isTrue();
    }
    limiter.tryConsume(RateLimitKey.of(BIG), 1);

    registry.update(SMALL, t -> t.toBuilder().plan("enterprise").build());
    assertThat(limiter.tryConsume(small, 1))
        .as("the key keeps its policy until a refresh")
        .isFalse();
    assertThat(limiter.refreshPolicies()).isEqualTo(1);

    RateLimitDecision after = limiter.tryAcquire(small, 1);
    assertThat(after.limit()).isEqualTo(1000);
    assertThat(after.remaining()).isEqualTo(989);
    assertThat(limiter.policyFor(RateLimitKey.of(BIG)))
        .isEqualTo(perSecond("enterprise", 500, 1000));
  }

  @Test
  void aListedTenantOnAnotherRegisteredPlanKeepsItsOwnOverrides() {
    assertThat(policies.forTenant(ACME)).isEqualTo(perSecond("enterprise", 500, 3000));
    registry.create(Tenant.builder("acme").plan("free").build());

    assertThat(policies.forTenant(ACME)).isEqualTo(perSecond("free", 5, 3000));
  }

  @Test
  void aPlanTheFileDoesNotDeclareFailsTheResolutionNamingItAndTheKnownPlans() {
    registry.create(Tenant.builder("big").plan("platinum").build());

    assertThatThrownBy(() -> policies.forKey(RateLimitKey.of(BIG)))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("unknown plan 'platinum'")
        .hasMessageContaining("known plans: [enterprise, free]");
    assertThat(policies.forTenant(SMALL)).isEqualTo(perSecond("free", 5, 10));
  }

  @Test
  void rejectsNullArgumentsAndALookupAnsweringNull() {
    assertThatThrownBy(() -> TenantRateLimitPolicies.of(null, id -> Optional.empty()))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("config");
    assertThatThrownBy(() -> TenantRateLimitPolicies.of(CONFIG, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("planLookup");
    assertThatThrownBy(() -> TenantRateLimitPolicies.of(CONFIG, id -> null).forTenant(ACME))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("planLookup returned null");
  }
}
