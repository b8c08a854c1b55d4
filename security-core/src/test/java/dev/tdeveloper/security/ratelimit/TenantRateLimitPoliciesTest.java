package dev.tdeveloper.security.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.config.ConfigException;
import dev.tdeveloper.tenancy.config.ConfigLocation;
import dev.tdeveloper.tenancy.config.ConfigProblem;
import dev.tdeveloper.tenancy.config.ReloadResult;
import dev.tdeveloper.tenancy.config.ReloadableTenantConfig;
import dev.tdeveloper.tenancy.config.TenantConfig;
import dev.tdeveloper.tenancy.config.TenantConfigLoader;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
        .hasMessageContaining("is out of range; value: 0; allowed: 1 or more");
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
        .hasMessageContaining(
            "setting 'ratelimit.requests-per-second' of plan 'free' is not set in any layer");
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
        .hasMessageContaining("is out of range; value: 2000000000; allowed: 1 to 1000000000");
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

  @Test
  void reportsEveryBadSettingOnceInFileOrderWithFieldPathValueAndAllowedRange() {
    String yaml =
        YAML.replace("burst: 10 }", "burst: -3 }")
            .replace("requests-per-hour: 100000", "requests-per-hour: lots")
            .replace("search: { requests-per-second: 20 }", "search: { requests-per-second: 0 }")
            .replace(
                "settings: { ratelimit: { burst: 300 } }",
                "settings: { ratelimit: { brust: 300 } }");

    List<ConfigProblem> problems = TenantRateLimitPolicies.problems(load(yaml));

    assertThat(problems)
        .extracting(ConfigProblem::message)
        .containsExactly(
            "tenants.yaml:3:47: defaults.ratelimit.burst: setting 'ratelimit.burst' of plan"
                + " 'free' (from layer DEFAULTS) is out of range; value: -3; allowed: 1 or more",
            "tenants.yaml:11:28: plans.pro.settings.ratelimit.requests-per-hour: setting"
                + " 'ratelimit.requests-per-hour' of plan 'pro' (from layer PLAN) is not a whole"
                + " number; value: lots; allowed: 1 or more",
            "tenants.yaml:14:42: plans.pro.settings.ratelimit.routes.search.requests-per-second:"
                + " setting 'ratelimit.routes.search.requests-per-second' of plan 'pro' (from"
                + " layer PLAN) is out of range; value: 0; allowed: 1 to 1000000000",
            "tenants.yaml:18:37: tenants.acme.settings.ratelimit.brust: setting 'ratelimit.brust'"
                + " of tenant 'acme' (plan 'pro') (from layer TENANT) is not a known setting;"
                + " value: 300; allowed: [ratelimit.requests-per-second, ratelimit.burst,"
                + " ratelimit.requests-per-hour, ratelimit.routes.<route>.*]");
    assertThat(problems.get(0).location()).hasValue(new ConfigLocation("tenants.yaml", 3, 47));
    assertThatThrownBy(() -> TenantRateLimitPolicies.of(load(yaml)))
        .hasMessageStartingWith("4 problems:");
  }

  @Test
  void aBadRateLimitInAReloadRejectsItForEveryConsumer(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("tenants.yaml");
    Files.writeString(file, YAML);
    ReloadableTenantConfig config =
        ReloadableTenantConfig.builder(file)
            .validator("rate limits", TenantRateLimitPolicies::problems)
            .build();
    TenantRateLimitPolicies policies = TenantRateLimitPolicies.of(config.current());
    RateLimiter<RateLimitKey> limiter =
        RateLimiter.<RateLimitKey>builder()
            .policyResolver(policies::forKey)
            .ticker(new ManualClock())
            .build();
    config.addApplier(
        "rate limits",
        next -> {
          policies.update(next);
          limiter.refreshPolicies();
        });
    List<TenantConfig> others = new CopyOnWriteArrayList<>();
    config.addApplier("another consumer", others::add);
    TenantConfig before = config.current();
    Files.writeString(
        file,
        YAML.replace("burst: 10 }", "burst: -3 }")
            .replace("requests-per-second: 50", "requests-per-second: 60"));

    ReloadResult result = config.reload();

    assertThat(result).isInstanceOf(ReloadResult.Rejected.class);
    assertThat(((ReloadResult.Rejected) result).message())
        .startsWith(file + ":3:47: defaults.ratelimit.burst: ")
        .contains("value: -3; allowed: 1 or more");
    assertThat(config.current()).isSameAs(before);
    assertThat(policies.config()).isSameAs(before);
    assertThat(limiter.tryAcquire(RateLimitKey.of(ACME), 1).limit()).isEqualTo(300);
    assertThat(others).containsExactly(before);
  }
}
