package dev.tdeveloper.tenancy.config;

import static dev.tdeveloper.tenancy.config.Yamls.load;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.tenancy.TenantId;
import org.junit.jupiter.api.Test;

/**
 * {@link TenantConfig#settingsFor(TenantId, String)}: a tenant whose plan comes from the registry
 * (signed up or upgraded since the file was written) gets that plan's settings, not the default
 * plan's. Regression: a tenant created at run time on {@code enterprise} was limited at {@code
 * free}'s rate.
 */
class SettingsOnARegistryPlanTest {
  private static final TenantId ACME = TenantId.of("acme");
  private static final TenantId GLOBEX = TenantId.of("globex");
  private static final TenantId NEWCOMER = TenantId.of("newcomer");

  private final TenantConfig config = load(Yamls.EXAMPLE);

  @Test
  void anUnlistedTenantGetsTheNamedPlansSettingsNotTheDefaultPlans() {
    TenantSettings settings = config.settingsFor(NEWCOMER, "pro");

    assertThat(settings.plan()).isEqualTo("pro");
    assertThat(settings.tenant()).contains(NEWCOMER);
    assertThat(settings.requireInt("ratelimit.requests-per-second")).isEqualTo(50);
    assertThat(settings.requireLong("quota.notes.limit")).isEqualTo(10_000);
    assertThat(settings.source("ratelimit.requests-per-second")).contains(ConfigLayer.PLAN);
    assertThat(settings.requireInt("ratelimit.burst")).isEqualTo(10); // from the defaults
    assertThat(config.settingsFor(NEWCOMER).requireInt("ratelimit.requests-per-second"))
        .isEqualTo(5);
  }

  @Test
  void aListedTenantOnAnotherPlanKeepsItsOwnOverridesOverThatPlan() {
    TenantSettings downgraded = config.settingsFor(ACME, "free");

    assertThat(downgraded.plan()).isEqualTo("free");
    assertThat(downgraded.requireInt("ratelimit.requests-per-second")).isEqualTo(80);
    assertThat(downgraded.source("ratelimit.requests-per-second")).contains(ConfigLayer.TENANT);
    assertThat(downgraded.requireLong("quota.notes.limit")).isEqualTo(100);
    assertThat(downgraded.requireInt("ratelimit.burst")).isEqualTo(10);
  }

  @Test
  void theRegistryPlanWinsOverThePlanTheFileNames() {
    TenantSettings settings = config.settingsFor(GLOBEX, "free");

    assertThat(config.planOf(GLOBEX)).isEqualTo("pro");
    assertThat(settings.plan()).isEqualTo("free");
    assertThat(settings.requireLong("quota.notes.limit")).isEqualTo(100);
    assertThat(settings.requireInt("ratelimit.requests-per-second")).isEqualTo(5);
  }

  @Test
  void theFilesOwnPlanGivesTheSameSettingsAsTheOneArgumentLookup() {
    assertThat(config.settingsFor(ACME, "pro")).isSameAs(config.settingsFor(ACME));
    TenantSettings unlisted = config.settingsFor(NEWCOMER, config.defaultPlan());
    for (String key : config.settingsFor(NEWCOMER).keys()) {
      assertThat(unlisted.requireString(key))
          .isEqualTo(config.settingsFor(NEWCOMER).requireString(key));
    }
    assertThat(unlisted.keys()).isEqualTo(config.settingsFor(NEWCOMER).keys());
  }

  @Test
  void neverLeaksOneTenantsOverridesIntoAnotherOnTheSamePlan() {
    TenantSettings globexUpgraded = config.settingsFor(GLOBEX, "pro");
    TenantSettings newcomer = config.settingsFor(NEWCOMER, "pro");

    assertThat(config.settingsFor(ACME, "pro").requireInt("ratelimit.requests-per-second"))
        .isEqualTo(80);
    assertThat(globexUpgraded.requireInt("ratelimit.requests-per-second")).isEqualTo(50);
    assertThat(newcomer.requireInt("ratelimit.requests-per-second")).isEqualTo(50);
    assertThat(newcomer.keys())
        .noneMatch(k -> newcomer.source(k).orElseThrow() == ConfigLayer.TENANT);
  }

  @Test
  void anUnknownPlanIsRefusedNamingItAndTheKnownPlans() {
    assertThatThrownBy(() -> config.settingsFor(NEWCOMER, "platinum"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("unknown plan 'platinum'")
        .hasMessageContaining("known plans: [free, pro]");
    assertThatThrownBy(() -> config.settingsFor(ACME, "platinum"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("unknown plan 'platinum'");
  }

  @Test
  void rejectsNullArguments() {
    assertThatThrownBy(() -> config.settingsFor(null, "pro"))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("id");
    assertThatThrownBy(() -> config.settingsFor(ACME, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("plan");
  }
}
