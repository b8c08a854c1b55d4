package dev.tdeveloper.tenancy.quota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.tenancy.Tenant;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.config.ConfigException;
import dev.tdeveloper.tenancy.config.TenantConfig;
import dev.tdeveloper.tenancy.config.TenantConfigLoader;
import dev.tdeveloper.tenancy.spi.TenantRegistry;
import java.io.StringReader;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Quotas of tenants whose plan lives in the registry. Regression: a tenant created at run time on
 * {@code pro} got the default plan's notes quota.
 */
class TenantQuotaPoliciesPlanLookupTest {
  private static final TenantId ACME = TenantId.of("acme");
  private static final TenantId NEWCOMER = TenantId.of("newcomer");
  private static final TenantId OTHER = TenantId.of("other");

  private static final TenantConfig CONFIG =
      TenantConfigLoader.load(
          "tenants.yaml",
          new StringReader(
              """
              defaultPlan: free
              defaults:
                quota: { notes: { limit: 100, period: CALENDAR_MONTH } }
              plans:
                free: {}
                pro: { settings: { quota: { notes: { limit: 10000 } } } }
              tenants:
                acme: { plan: pro, settings: { quota: { notes: { period: DAY } } } }
              """));

  private final TenantRegistry registry = TenantRegistry.inMemory();
  private final TenantQuotaPolicies quotas =
      TenantQuotaPolicies.of(CONFIG, id -> registry.find(id).map(Tenant::plan));

  private static QuotaPolicy notes(long limit, QuotaPeriod period) {
    return QuotaPolicy.of("notes", limit, period);
  }

  @Test
  void aTenantCreatedAtRunTimeGetsItsRegisteredPlansQuota() {
    registry.create(Tenant.builder("newcomer").plan("pro").build());
    registry.create(Tenant.builder("other").plan("free").build());

    assertThat(quotas.find(NEWCOMER, "notes")).hasValue(notes(10000, QuotaPeriod.CALENDAR_MONTH));
    assertThat(quotas.find(OTHER, "notes")).hasValue(notes(100, QuotaPeriod.CALENDAR_MONTH));
    assertThat(TenantQuotaPolicies.of(CONFIG).find(NEWCOMER, "notes"))
        .as("without the lookup, the default plan")
        .hasValue(notes(100, QuotaPeriod.CALENDAR_MONTH));
  }

  @Test
  void aPlanChangeAppliesAtTheNextQuotaCheck() {
    registry.create(Tenant.builder("newcomer").plan("free").build());
    assertThat(quotas.find(NEWCOMER, "notes")).hasValue(notes(100, QuotaPeriod.CALENDAR_MONTH));

    registry.update(NEWCOMER, t -> t.toBuilder().plan("pro").build());

    assertThat(quotas.find(NEWCOMER, "notes")).hasValue(notes(10000, QuotaPeriod.CALENDAR_MONTH));
  }

  @Test
  void aListedTenantKeepsItsOwnOverridesOnItsRegisteredPlan() {
    registry.create(Tenant.builder("acme").plan("free").build());

    assertThat(quotas.find(ACME, "notes")).hasValue(notes(100, QuotaPeriod.DAY));
  }

  @Test
  void aTenantTheLookupDoesNotKnowIsOnTheFilesPlan() {
    assertThat(quotas.find(ACME, "notes")).hasValue(notes(10000, QuotaPeriod.DAY));
    assertThat(quotas.find(NEWCOMER, "notes")).hasValue(notes(100, QuotaPeriod.CALENDAR_MONTH));
  }

  @Test
  void aPlanTheFileDoesNotDeclareIsRefusedNamingItAndTheKnownPlans() {
    TenantQuotaPolicies platinum = TenantQuotaPolicies.of(CONFIG, id -> Optional.of("platinum"));

    assertThatThrownBy(() -> platinum.find(NEWCOMER, "notes"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("unknown plan 'platinum'")
        .hasMessageContaining("known plans: [free, pro]");
  }

  @Test
  void rejectsNullArgumentsAndALookupAnsweringNull() {
    assertThatThrownBy(() -> TenantQuotaPolicies.of(null, id -> Optional.empty()))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("config");
    assertThatThrownBy(() -> TenantQuotaPolicies.of(CONFIG, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("planLookup");
    assertThatThrownBy(() -> TenantQuotaPolicies.of(CONFIG, id -> null).find(ACME, "notes"))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("planLookup returned null");
  }
}
