package dev.tdeveloper.tenancy.quota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.config.ConfigException;
import dev.tdeveloper.tenancy.config.ConfigProblem;
import dev.tdeveloper.tenancy.config.ReloadResult;
import dev.tdeveloper.tenancy.config.ReloadableTenantConfig;
import dev.tdeveloper.tenancy.config.TenantConfig;
import dev.tdeveloper.tenancy.config.TenantConfigLoader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TenantQuotaPoliciesTest {
  private static final TenantId ACME = TenantId.of("acme");
  private static final TenantId INITECH = TenantId.of("initech");

  private static final String YAML =
      """
      defaultPlan: free
      defaults:
        quota: { notes: { limit: 100, period: CALENDAR_MONTH } }
      plans:
        free: {}
        pro:
          settings:
            quota:
              notes: { limit: 10000 }
              exports.pdf: { limit: 5, period: hour }
      tenants:
        acme: { plan: pro }
        initech: { plan: free }
      """;

  @TempDir Path dir;

  private static TenantConfig load(String yaml) {
    return TenantConfigLoader.load("tenants.yaml", new StringReader(yaml));
  }

  @Test
  void readsEachTenantsQuotasFromItsLayeredSettings() {
    TenantQuotaPolicies quotas = TenantQuotaPolicies.of(load(YAML));
    assertThat(quotas.find(INITECH, "notes"))
        .hasValue(QuotaPolicy.of("notes", 100, QuotaPeriod.CALENDAR_MONTH));
    assertThat(quotas.find(ACME, "notes"))
        .hasValue(QuotaPolicy.of("notes", 10000, QuotaPeriod.CALENDAR_MONTH));
    assertThat(quotas.find(ACME, "exports.pdf"))
        .hasValue(QuotaPolicy.of("exports.pdf", 5, QuotaPeriod.HOUR));
    assertThat(quotas.find(INITECH, "exports.pdf")).isEmpty();
    assertThat(
            TenantQuotaPolicies.of(load("plans: { free: { settings: { quota.api.limit: 7 } } }"))
                .find(ACME, "api"))
        .as("the period defaults to a day")
        .hasValue(QuotaPolicy.of("api", 7, QuotaPeriod.DAY));
  }

  @Test
  void reportsEveryBadQuotaSettingOnceWithLocationValueAndAllowedRange() {
    String bad =
        YAML.replace("limit: 100, period: CALENDAR_MONTH", "limit: 0, period: FORTNIGHT")
            .replace(
                "notes: { limit: 10000 }", "notes: { limit: lots }\n        api: { period: DAY }")
            .replace("exports.pdf: { limit: 5, period: hour }", "exports.pdf: { limt: 5 }");

    List<ConfigProblem> problems = TenantQuotaPolicies.problems(load(bad));

    assertThat(problems)
        .extracting(ConfigProblem::message)
        .containsExactly(
            "tenants.yaml:3:28: defaults.quota.notes.limit: setting 'quota.notes.limit' of plan"
                + " 'free' (from layer DEFAULTS) is below the minimum; value: 0; allowed: 1 or more",
            "tenants.yaml:3:39: defaults.quota.notes.period: setting 'quota.notes.period' of plan"
                + " 'free' (from layer DEFAULTS) is not a quota period; value: FORTNIGHT; allowed:"
                + " one of [SECOND, MINUTE, HOUR, DAY, CALENDAR_MONTH]",
            "tenants.yaml:9:25: plans.pro.settings.quota.notes.limit: setting 'quota.notes.limit'"
                + " of plan 'pro' (from layer PLAN) is not a whole number; value: lots; allowed: 1"
                + " or more",
            "tenants.yaml:10:24: plans.pro.settings.quota.api.period: setting 'quota.api.period'"
                + " of plan 'pro' (from layer PLAN) sets a period but no layer sets"
                + " 'quota.api.limit'; value: DAY; allowed: a period together with a limit",
            "tenants.yaml:11:30: plans.pro.settings.quota.exports.pdf.limt: setting"
                + " 'quota.exports.pdf.limt' of plan 'pro' (from layer PLAN) is not a known quota"
                + " setting; value: 5; allowed: quota.<resource>.limit and quota.<resource>.period");
    assertThatThrownBy(() -> TenantQuotaPolicies.of(load(bad)))
        .isInstanceOfSatisfying(
            ConfigException.class, e -> assertThat(e.problems()).isEqualTo(problems))
        .hasMessageStartingWith("5 problems:");
  }

  @Test
  void aBadUpdateChangesNothing() {
    TenantConfig good = load(YAML);
    TenantQuotaPolicies quotas = TenantQuotaPolicies.of(good);
    assertThatThrownBy(() -> quotas.update(load(YAML.replace("limit: 10000", "limit: -1"))))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("value: -1");
    assertThat(quotas.config()).isSameAs(good);
    assertThat(quotas.find(ACME, "notes").orElseThrow().limit()).isEqualTo(10000);
  }

  @Test
  void aBadQuotaInAReloadRejectsItForEveryConsumer() throws Exception {
    Path file = dir.resolve("tenants.yaml");
    Files.writeString(file, YAML);
    ReloadableTenantConfig config =
        ReloadableTenantConfig.builder(file)
            .validator("quotas", TenantQuotaPolicies::problems)
            .build();
    TenantQuotaPolicies quotas = TenantQuotaPolicies.of(config.current());
    config.addApplier("quotas", quotas::update);
    List<List<TenantId>> listed = new CopyOnWriteArrayList<>();
    config.addApplier(
        "provisioning", c -> listed.add(c.tenants().stream().map(t -> t.id()).toList()));
    TenantConfig before = config.current();
    Files.writeString(
        file,
        YAML.replace("limit: 10000", "limit: 20000")
            .replace("period: hour", "period: weekly")
            .replace("initech: { plan: free }", "initech: { plan: free }\n  hooli: { plan: pro }"));

    ReloadResult result = config.reload();

    assertThat(result).isInstanceOf(ReloadResult.Rejected.class);
    assertThat(((ReloadResult.Rejected) result).problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.location().orElseThrow().line()).isEqualTo(10);
              assertThat(p.path()).isEqualTo("plans.pro.settings.quota.exports.pdf.period");
              assertThat(p.value()).hasValue("weekly");
            });
    assertThat(config.current()).isSameAs(before);
    assertThat(quotas.config()).isSameAs(before);
    assertThat(quotas.find(ACME, "notes").map(QuotaPolicy::limit)).isEqualTo(Optional.of(10000L));
    assertThat(listed)
        .as("the other consumer never saw hooli")
        .containsExactly(List.of(ACME, INITECH));
  }
}
