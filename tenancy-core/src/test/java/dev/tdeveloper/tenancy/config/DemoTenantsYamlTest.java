package dev.tdeveloper.tenancy.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.tdeveloper.tenancy.IsolationMode;
import dev.tdeveloper.tenancy.Tenant;
import dev.tdeveloper.tenancy.TenantId;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The demo's production {@code tenants.yaml} loads and says what the demo relies on. */
class DemoTenantsYamlTest {
  /** Relative to the tenancy-core module directory, Surefire's working directory. */
  private static final Path DEMO_FILE =
      Path.of("../demo/src/main/resources/config/production/tenants.yaml");

  private final TenantConfig config = TenantConfigLoader.load(DEMO_FILE);

  @Test
  void declaresThreePlansWithEverySettingTheDemoReads() {
    assertThat(config.plans()).containsExactly("enterprise", "free", "pro");
    assertThat(config.defaultPlan()).isEqualTo("free");
    for (String plan : config.plans()) {
      TenantSettings s = config.settingsForPlan(plan);
      assertThat(s.requireInt("ratelimit.requests-per-second")).as(plan).isPositive();
      assertThat(s.requireInt("ratelimit.burst"))
          .as(plan)
          .isGreaterThanOrEqualTo(s.requireInt("ratelimit.requests-per-second"));
      assertThat(s.requireLong("quota.notes.limit")).as(plan).isPositive();
      assertThat(s.requireString("quota.notes.period")).as(plan).isEqualTo("CALENDAR_MONTH");
      assertThat(s.requireInt("cache.max-entries")).as(plan).isPositive();
      for (String key : s.keys()) {
        assertThat(s.source(key)).as(plan + " " + key).contains(ConfigLayer.PLAN);
      }
    }
    List<Integer> rps =
        List.of("free", "pro", "enterprise").stream()
            .map(p -> config.settingsForPlan(p).requireInt("ratelimit.requests-per-second"))
            .toList();
    assertThat(rps).isSorted().doesNotHaveDuplicates();
  }

  @Test
  void definesTheThreeDemoTenants() {
    assertThat(config.tenants())
        .extracting(Tenant::id, Tenant::plan, Tenant::timeZone)
        .containsExactly(
            tuple(TenantId.of("acme"), "pro", ZoneId.of("Europe/Paris")),
            tuple(TenantId.of("globex"), "enterprise", ZoneId.of("America/New_York")),
            tuple(TenantId.of("initech"), "free", ZoneId.of("Asia/Tokyo")));
    assertThat(config.tenant(TenantId.of("globex")).orElseThrow().isolation())
        .isEqualTo(IsolationMode.DATABASE);
    assertThat(config.tenants())
        .allSatisfy(t -> assertThat(t.attributes()).containsKey("billing-id"));
  }

  @Test
  void globexOverrideRaisesOnlyItsOwnBurst() {
    TenantSettings globex = config.settingsFor(TenantId.of("globex"));

    assertThat(globex.requireInt("ratelimit.burst")).isEqualTo(2000);
    assertThat(globex.source("ratelimit.burst")).contains(ConfigLayer.TENANT);
    assertThat(config.settingsForPlan("enterprise").requireInt("ratelimit.burst")).isEqualTo(1000);
  }
}
