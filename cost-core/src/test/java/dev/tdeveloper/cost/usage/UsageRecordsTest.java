package dev.tdeveloper.cost.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.cost.price.ResourceType;
import dev.tdeveloper.tenancy.TenantId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class UsageRecordsTest {
  static final CostPeriod DAY =
      CostPeriod.of(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-02T00:00:00Z"));
  static final TenantId ACME = TenantId.of("acme");
  static final TenantId GLOBEX = TenantId.of("globex");

  static UsageRecord record(TenantId t, String asset, ResourceType r, String req, String used) {
    return new UsageRecord(t, "api", asset, r, DAY, new BigDecimal(req), new BigDecimal(used));
  }

  @Test
  void chargesCpuAndRamAtTheRequestButOtherResourcesAtUse() {
    for (ResourceType resource : ResourceType.values()) {
      UsageRecord idle = record(ACME, "a", resource, "4", "1");
      BigDecimal expected =
          resource == ResourceType.VCPU || resource == ResourceType.RAM
              ? new BigDecimal("4")
              : new BigDecimal("1");
      assertThat(idle.chargedQuantity()).as(resource.key()).isEqualTo(expected);
      assertThat(record(ACME, "a", resource, "1", "4").chargedQuantity()).isEqualByComparingTo("4");
    }
  }

  @Test
  void groupsByAssetAndSumsChargedQuantityPerTenant() {
    List<UsageRecord> records =
        List.of(
            record(GLOBEX, "node-1", ResourceType.VCPU, "2", "0.5"),
            record(ACME, "node-1", ResourceType.VCPU, "1", "1.5"),
            record(ACME, "node-1", ResourceType.VCPU, "0", "0.25"),
            record(ACME, "vol-1", ResourceType.STORAGE, "100", "10"));

    var byAsset = UsageRecords.byAsset(records);
    assertThat(byAsset.keySet()).containsExactly("node-1", "vol-1");
    assertThat(byAsset.get("node-1").get(0).tenant()).isEqualTo(ACME);
    assertThat(UsageRecords.chargedByTenant(byAsset.get("node-1")))
        .containsExactly(
            java.util.Map.entry(ACME, new BigDecimal("1.75")),
            java.util.Map.entry(GLOBEX, new BigDecimal("2")));
    assertThat(UsageRecords.totalCharged(byAsset.get("node-1"))).isEqualByComparingTo("3.75");
    assertThat(UsageRecords.totalCharged(byAsset.get("vol-1"))).isEqualByComparingTo("10");
    assertThat(UsageRecords.totalCharged(List.of())).isEqualByComparingTo("0");
  }

  @Test
  void forTenantNeverReturnsAnotherTenantsRecords() {
    List<UsageRecord> records =
        List.of(
            record(GLOBEX, "n", ResourceType.RAM, "1", "1"),
            record(ACME, "n", ResourceType.RAM, "1", "1"));

    assertThat(UsageRecords.forTenant(records, ACME))
        .extracting(UsageRecord::tenant)
        .containsOnly(ACME);
    assertThat(UsageRecords.forTenant(records, TenantId.of("initech"))).isEmpty();
  }

  @Test
  void withinKeepsOnlyRecordsInsideThePeriod() {
    UsageRecord inside = record(ACME, "n", ResourceType.RAM, "0", "1");
    UsageRecord across =
        new UsageRecord(
            ACME,
            "api",
            "n",
            ResourceType.RAM,
            CostPeriod.of(DAY.start().minusSeconds(1), DAY.end()),
            BigDecimal.ZERO,
            BigDecimal.ONE);

    assertThat(UsageRecords.within(List.of(inside, across), DAY)).containsExactly(inside);
  }

  @Test
  void scaleFactorsParseAndRefuseNonPositiveParts() {
    assertThat(ScaleFactor.parse("1/3600000").apply(7_200_000)).isEqualByComparingTo("2");
    assertThat(ScaleFactor.parse("0.001").apply(1_234)).isEqualTo(new BigDecimal("1.234"));
    assertThat(ScaleFactor.parse(" 1 / 4 ").toString()).isEqualTo("1/4");
    assertThatThrownBy(() -> ScaleFactor.parse("1/0"))
        .hasMessage("factor.denominator: 0 is not above 0; allowed: > 0");
    assertThatThrownBy(() -> ScaleFactor.parse("a third"))
        .hasMessageContaining("'a third' is not a decimal or ratio");
  }
}
