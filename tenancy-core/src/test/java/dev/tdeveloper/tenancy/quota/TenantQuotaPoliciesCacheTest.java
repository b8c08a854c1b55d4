package dev.tdeveloper.tenancy.quota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.config.ConfigException;
import dev.tdeveloper.tenancy.config.TenantConfig;
import dev.tdeveloper.tenancy.config.TenantConfigLoader;
import java.io.StringReader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/**
 * {@link TenantQuotaPolicies#find} keeps its answers per configuration: it must answer exactly what
 * reading the settings answers ({@link TenantQuotaPolicies#resolve}), before and after a reload,
 * whatever the plan lookup says.
 */
class TenantQuotaPoliciesCacheTest {
  private static final TenantConfig FIRST =
      load(
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
            team: { settings: { quota: { api: { limit: 70, period: minute } } } }
          tenants:
            acme: { plan: pro, settings: { quota: { notes: { period: DAY } } } }
            initech: { plan: free, settings: { quota: { api: { limit: 3 } } } }
          """);
  private static final TenantConfig SECOND =
      load(
          """
          defaultPlan: team
          defaults:
            quota: { notes: { limit: 50 } }
          plans:
            free: { settings: { quota: { notes: { limit: 7, period: second } } } }
            pro: { settings: { quota: { exports.pdf: { limit: 9 } } } }
            team: { settings: { quota: { api: { limit: 71 } } } }
          tenants:
            globex: { plan: team, settings: { quota: { notes: { limit: 1 } } } }
            acme: { plan: free }
          """);
  private static final List<TenantId> TENANTS =
      List.of("acme", "initech", "globex", "umbrella", "hooli").stream().map(TenantId::of).toList();
  private static final List<String> RESOURCES = List.of("notes", "exports.pdf", "api", "storage");
  private static final List<Optional<String>> PLANS =
      List.of(Optional.empty(), Optional.of("free"), Optional.of("pro"), Optional.of("team"));

  private static TenantConfig load(String yaml) {
    return TenantConfigLoader.load("tenants.yaml", new StringReader(yaml));
  }

  /** One question: who asks, for what, what the lookup answers, and whether a reload came first. */
  record Ask(TenantId tenant, String resource, Optional<String> plan, boolean reloadFirst) {}

  @Provide
  Arbitrary<List<Ask>> asks() {
    return Combinators.combine(
            Arbitraries.of(TENANTS),
            Arbitraries.of(RESOURCES),
            Arbitraries.of(PLANS),
            Arbitraries.integers().between(0, 19).map(i -> i == 0))
        .as(Ask::new)
        .list()
        .ofMaxSize(80);
  }

  @Property(tries = 300)
  void answersWhatTheSettingsSay(@ForAll("asks") @Size(max = 80) List<Ask> asks) {
    Map<TenantId, Optional<String>> plans = new HashMap<>();
    TenantQuotaPolicies quotas = TenantQuotaPolicies.of(FIRST, plans::get);
    TenantConfig inUse = FIRST;
    for (Ask ask : asks) {
      if (ask.reloadFirst()) {
        inUse = inUse == FIRST ? SECOND : FIRST;
        quotas.update(inUse);
      }
      plans.put(ask.tenant(), ask.plan());
      Optional<QuotaPolicy> expected =
          TenantQuotaPolicies.resolve(inUse, ask.tenant(), ask.plan(), ask.resource());
      assertThat(quotas.find(ask.tenant(), ask.resource())).as("%s", ask).isEqualTo(expected);
      assertThat(quotas.find(ask.tenant(), ask.resource())).as("again %s", ask).isEqualTo(expected);
    }
  }

  @Test
  void aListedTenantsOverridesNeverReachAnotherTenantOnItsPlan() {
    TenantQuotaPolicies quotas = TenantQuotaPolicies.of(FIRST, id -> Optional.of("pro"));
    assertThat(quotas.find(TenantId.of("acme"), "notes"))
        .hasValue(QuotaPolicy.of("notes", 10000, QuotaPeriod.DAY));
    assertThat(quotas.find(TenantId.of("hooli"), "notes"))
        .hasValue(QuotaPolicy.of("notes", 10000, QuotaPeriod.CALENDAR_MONTH));
    assertThat(quotas.find(TenantId.of("acme"), "notes"))
        .hasValue(QuotaPolicy.of("notes", 10000, QuotaPeriod.DAY));
  }

  @Test
  void anUnknownPlanFailsEveryTimeAndIsNotRemembered() {
    Map<TenantId, Optional<String>> plans = new HashMap<>();
    plans.put(TenantId.of("hooli"), Optional.of("gold"));
    TenantQuotaPolicies quotas = TenantQuotaPolicies.of(FIRST, plans::get);
    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> quotas.find(TenantId.of("hooli"), "notes"))
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining("gold");
    }
    plans.put(TenantId.of("hooli"), Optional.of("team"));
    assertThat(quotas.find(TenantId.of("hooli"), "api"))
        .hasValue(QuotaPolicy.of("api", 70, QuotaPeriod.MINUTE));
  }

  @Test
  void answersPastTheCacheBoundStayExact() {
    TenantQuotaPolicies quotas = TenantQuotaPolicies.of(FIRST);
    TenantId tenant = TenantId.of("hooli");
    for (int i = 0; i < TenantQuotaPolicies.MAX_CACHED + 50; i++) {
      String resource = "r" + i;
      assertThat(quotas.find(tenant, resource)).isEmpty();
    }
    assertThat(quotas.find(tenant, "notes"))
        .hasValue(QuotaPolicy.of("notes", 100, QuotaPeriod.CALENDAR_MONTH));
  }
}
