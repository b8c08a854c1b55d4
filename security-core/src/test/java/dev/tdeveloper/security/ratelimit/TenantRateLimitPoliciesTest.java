package dev.tdeveloper.security.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.config.ConfigException;
import dev.tdeveloper.tenancy.config.TenantConfig;
import dev.tdeveloper.tenancy.config.TenantConfigLoader;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TenantRateLimitPoliciesTest {
  private static final Duration SECOND = Duration.ofSeconds(1);
  private static final TenantId ACME = TenantId.of("acme");
  private static final TenantId INITECH = TenantId.of("initech");

  private static final String YAML =
      """
      defaultPlan: free
      defaults:
        ratelimit: { requests-per-second: 5, burst: 10 }
      plans:
        free: {}
        pro:
          settings:
            ratelimit:
              requests-per-second: 50
              burst: 100
              requests-per-hour: 100000
              routes:
                export: { requests-per-second: 1, burst: 2 }
                search: { requests-per-second: 20 }
      tenants:
        acme:
          plan: pro
          settings: { ratelimit: { burst: 300 } }
        initech:
          plan: free
      """;

  private static TenantConfig load(String yaml) {
    return TenantConfigLoader.load("tenants.yaml", new StringReader(yaml));
  }

  private static Bandwidth perSecond(long rate, long burst) {
    return Bandwidth.of(burst).refilling(rate, SECOND);
  }

  @Test
  void buildsEachTenantsPolicyFromItsLayeredSettingsNamedByPlan() {
    TenantRateLimitPolicies policies = TenantRateLimitPolicies.of(load(YAML));
    assertThat(policies.forTenant(INITECH))
        .isEqualTo(new RateLimitPolicy("free", List.of(perSecond(5, 10))));
    assertThat(policies.forTenant(ACME))
        .isEqualTo(
            new RateLimitPolicy(
                "pro",
                List.of(perSecond(50, 300), Bandwidth.simple(100_000, Duration.ofHours(1)))));
    // A tenant the file does not list is on the default plan.
    assertThat(policies.forKey(RateLimitKey.of(TenantId.of("newcomer"))))
        .isEqualTo(new RateLimitPolicy("free", List.of(perSecond(5, 10))));
  }

  @Test
  void routesHaveTheirOwnSettingsFallingBackToTheTenantsOnes() {
    TenantRateLimitPolicies policies = TenantRateLimitPolicies.of(load(YAML));
    Bandwidth hourly = Bandwidth.simple(100_000, Duration.ofHours(1));
    assertThat(policies.forKey(RateLimitKey.of(ACME, "export")).bandwidths())
        .containsExactly(perSecond(1, 2), hourly);
    // search sets only its rate: the burst is acme's own (300).
    assertThat(policies.forKey(RateLimitKey.of(ACME, "search")).bandwidths())
        .containsExactly(perSecond(20, 300), hourly);
    // A route without settings has the tenant's limits.
    assertThat(policies.forKey(RateLimitKey.of(ACME, "other")))
        .isEqualTo(policies.forKey(RateLimitKey.of(ACME)));
    assertThat(policies.forKey(RateLimitKey.of(INITECH, "export")))
        .isEqualTo(policies.forTenant(INITECH));
  }

  @Test
  void burstDefaultsToTheRequestsPerSecond() {
    TenantRateLimitPolicies policies =
        TenantRateLimitPolicies.of(
            load("plans: { free: { settings: { ratelimit: { requests-per-second: 7 } } } }"));
    assertThat(policies.forTenant(ACME).bandwidths()).containsExactly(perSecond(7, 7));
  }

  @Test
  void badValueIsRefusedNamingTenantKeyValueAndLocation() {
    String yaml =
        YAML.replace(
            "settings: { ratelimit: { burst: 300 } }", "settings: { ratelimit: { burst: 0 } }");
    assertThatThrownBy(() -> TenantRateLimitPolicies.of(load(yaml)))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("tenants.yaml:")
        .hasMessageContaining("setting 'ratelimit.burst' of tenant 'acme' (plan 'pro')")
        .hasMessageContaining("must be at least 1, was 0");
  }

  @Test
  void wrongTypesMissingRatesAndUnknownKeysAreRefused() {
    assertThatThrownBy(
            () ->
                TenantRateLimitPolicies.of(
                    load(
                        "plans: { free: { settings: { ratelimit: { requests-per-second: lots } } } }")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("ratelimit.requests-per-second")
        .hasMessageContaining("plan 'free'")
        .hasMessageContaining("lots");
    assertThatThrownBy(
            () ->
                TenantRateLimitPolicies.of(
                    load("plans: { free: { settings: { ratelimit: { burst: 3 } } } }")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'ratelimit.requests-per-second' is not set for plan 'free'");
    assertThatThrownBy(
            () -> TenantRateLimitPolicies.of(load(YAML.replace("burst: 300", "brust: 300"))))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'ratelimit.brust' of tenant 'acme'")
        .hasMessageContaining("is not a known setting");
    assertThatThrownBy(
            () -> TenantRateLimitPolicies.of(load(YAML.replace("export: {", "ex.port: {"))))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("ratelimit.routes.ex.port");
    assertThatThrownBy(
            () ->
                TenantRateLimitPolicies.of(
                    load(
                        YAML.replace(
                            "requests-per-second: 50", "requests-per-second: 2000000000"))))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("must be 1 to 1000000000, was 2000000000");
  }

  @Test
  void badReloadChangesNothing() {
    TenantConfig good = load(YAML);
    TenantRateLimitPolicies policies = TenantRateLimitPolicies.of(good);
    TenantConfig bad = load(YAML.replace("requests-per-second: 5,", "requests-per-second: -1,"));
    assertThatThrownBy(() -> policies.update(bad)).isInstanceOf(ConfigException.class);
    assertThat(policies.config()).isSameAs(good);
    assertThat(policies.forTenant(INITECH).bandwidths()).containsExactly(perSecond(5, 10));
  }

  @Test
  void reloadWithRefreshPoliciesAppliesNewLimitsKeepingConsumedPermits() {
    ManualClock clock = new ManualClock();
    TenantRateLimitPolicies policies = TenantRateLimitPolicies.of(load(YAML));
    RateLimiter<RateLimitKey> limiter =
        RateLimiter.<RateLimitKey>builder().policyResolver(policies::forKey).ticker(clock).build();
    RateLimitKey initech = RateLimitKey.of(INITECH);
    for (int i = 0; i < 10; i++) {
      assertThat(limiter.tryConsume(initech, 1)).isTrue();
    }
    assertThat(limiter.tryConsume(initech, 1)).isFalse();

    policies.update(
        load(
            YAML.replace(
                "requests-per-second: 5, burst: 10", "requests-per-second: 5, burst: 15")));
    assertThat(limiter.refreshPolicies()).isEqualTo(1);
    // The 10 permits consumed carry over: 5 more fit in the larger burst, not 15.
    RateLimitDecision d = limiter.tryAcquire(initech, 1);
    assertThat(d.limit()).isEqualTo(15);
    assertThat(d.remaining()).isEqualTo(4);
  }

  @Test
  void oneTenantExhaustingItsLimitNeverLimitsAnother() {
    ManualClock clock = new ManualClock();
    TenantRateLimitPolicies policies = TenantRateLimitPolicies.of(load(YAML));
    RateLimiter<RateLimitKey> limiter =
        RateLimiter.<RateLimitKey>builder().policyResolver(policies::forKey).ticker(clock).build();
    TenantId other = TenantId.of("hooli");
    while (limiter.tryConsume(RateLimitKey.of(INITECH), 1)) {
      // exhaust initech
    }
    while (limiter.tryConsume(RateLimitKey.of(INITECH, "export"), 1)) {
      // and its route
    }
    for (int i = 0; i < 10; i++) {
      assertThat(limiter.tryConsume(RateLimitKey.of(other), 1)).isTrue();
    }
    assertThat(limiter.tryAcquire(RateLimitKey.of(other, "export"), 1).remaining()).isEqualTo(9);
  }
}
