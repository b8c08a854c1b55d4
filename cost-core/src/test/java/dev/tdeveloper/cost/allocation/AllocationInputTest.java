package dev.tdeveloper.cost.allocation;

import static dev.tdeveloper.cost.allocation.Bills.MONTH;
import static dev.tdeveloper.cost.allocation.Bills.asset;
import static dev.tdeveloper.cost.allocation.Bills.node;
import static dev.tdeveloper.cost.allocation.Bills.t;
import static dev.tdeveloper.cost.allocation.Bills.usd;
import static dev.tdeveloper.cost.allocation.Bills.use;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.cost.money.Money;
import dev.tdeveloper.cost.price.PricingModel;
import dev.tdeveloper.cost.price.ResourceType;
import dev.tdeveloper.cost.usage.CostPeriod;
import dev.tdeveloper.cost.usage.UsageRecord;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Refused input, builder rules and the per-day view. */
class AllocationInputTest {
  private static final CostAllocator DEFAULT = CostAllocator.builder().build();

  @Test
  void refusesUsageOfAnAssetNotInTheBill() {
    assertThatThrownBy(
            () -> DEFAULT.allocate(List.of(node("n", "1", "10")), List.of(use("a", "m", "1", "1"))))
        .isInstanceOf(AllocationException.class)
        .hasMessage(
            "usage[0] (tenant a, workload api, asset m): asset not in the bill; allowed: usage of"
                + " the allocated assets");
  }

  @Test
  void refusesUsageOutsideTheAssetsPeriod() {
    CostPeriod late =
        CostPeriod.of(Instant.parse("2024-01-31T23:00:00Z"), Instant.parse("2024-02-01T01:00:00Z"));
    assertThatThrownBy(
            () ->
                DEFAULT.allocate(
                    List.of(node("n", "1", "10")),
                    List.of(use("a", "n", "1", "1"), use("b", "n", "1", "1", late))))
        .isInstanceOf(AllocationException.class)
        .hasMessageContaining("usage[1] (tenant b, workload api, asset n): period")
        .hasMessageContaining("outside the asset's period");
  }

  @Test
  void refusesUsageOfAnotherResource() {
    Asset disk = asset("vol", "Amazon EBS", ResourceType.STORAGE, "1", "10", MONTH);
    assertThatThrownBy(() -> DEFAULT.allocate(List.of(disk), List.of(use("a", "vol", "1", "1"))))
        .isInstanceOf(AllocationException.class)
        .hasMessageContaining("resource vcpu but the asset provides storage");
  }

  @Test
  void refusesUsageAboveCapacityNamingTheAsset() {
    assertThatThrownBy(
            () ->
                DEFAULT.allocate(
                    List.of(node("node-7", "1", "10")),
                    List.of(use("a", "node-7", "6", "0"), use("b", "node-7", "0", "5"))))
        .isInstanceOf(AllocationException.class)
        .hasMessage(
            "asset node-7: tenants' charged usage 11 vCPU-hour exceeds its capacity 10; allowed:"
                + " usage up to capacity (or overCapacity SCALE_TO_CAPACITY)");
  }

  @Test
  void refusesMixedCurrenciesAndDuplicateIdsAndUnknownSharedIds() {
    Asset eur =
        Asset.of(
            "e",
            "x",
            "r",
            ResourceType.VCPU,
            PricingModel.SPOT,
            MONTH,
            Money.of("1", "EUR"),
            BigDecimal.ONE);
    assertThatThrownBy(() -> DEFAULT.allocate(List.of(node("n", "1", "1"), eur), List.of()))
        .isInstanceOf(AllocationException.class)
        .hasMessageContaining("asset e: currency EUR mixed with USD of asset n");
    assertThatThrownBy(
            () -> DEFAULT.allocate(List.of(node("n", "1", "1"), node("n", "2", "1")), List.of()))
        .isInstanceOf(AllocationException.class)
        .hasMessageContaining("asset n: duplicate id");
    CostAllocator shared = CostAllocator.builder().sharedAssets("lb-9").build();
    assertThatThrownBy(() -> shared.allocate(List.of(node("n", "1", "1")), List.of()))
        .isInstanceOf(AllocationException.class)
        .hasMessageContaining("shared asset lb-9: not in the bill");
    assertThatThrownBy(() -> DEFAULT.allocate(List.of(), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("assets: empty");
  }

  @Test
  void refusesATenantWithoutWeightUnderWeightedIdle() {
    CostAllocator weighted =
        CostAllocator.builder()
            .idleSharing(IdleSharing.WEIGHTED)
            .tenantWeights(Map.of(t("a"), BigDecimal.ONE))
            .build();
    List<UsageRecord> usage = List.of(use("a", "n", "1", "0"), use("b", "n", "1", "0"));
    assertThatThrownBy(() -> weighted.allocate(List.of(node("n", "1", "10")), usage))
        .isInstanceOf(AllocationException.class)
        .hasMessageContaining("asset n: tenant b used it but has no weight");
  }

  @Test
  void builderRefusesRulesWithoutTheirDataAndRepeatedSettings() {
    assertThatThrownBy(() -> CostAllocator.builder().idleSharing(IdleSharing.WEIGHTED).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no tenantWeights");
    assertThatThrownBy(() -> CostAllocator.builder().tenantWeights(Map.of()).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("idleSharing is null");
    assertThatThrownBy(() -> CostAllocator.builder().sharedSplit(SharedSplit.CUSTOM).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no sharedMetric");
    assertThatThrownBy(
            () ->
                CostAllocator.builder().idleSharing(IdleSharing.EVEN).idleSharing(IdleSharing.NONE))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("idleSharing: already set");
    assertThatThrownBy(
            () -> CostAllocator.builder().sharedMetric(Map.of(t("a"), new BigDecimal("-1"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sharedMetric of a: -1 is negative");
  }

  @Test
  void dailyCostsSplitLinesByTimeAndAddUpToTheTenantsTotals() {
    CostPeriod p =
        CostPeriod.of(Instant.parse("2024-03-01T12:00:00Z"), Instant.parse("2024-03-03T12:00:00Z"));
    Asset n = asset("n", "Amazon EC2", ResourceType.VCPU, "10.00", "2", p);
    Allocation a =
        DEFAULT.allocate(
            List.of(n), List.of(use("a", "n", "1", "0", p), use("b", "n", "0.5", "0", p)));
    List<DailyCost> daily = a.dailyCosts();
    assertThat(daily)
        .filteredOn(d -> d.scope().id().equals("a"))
        .extracting(DailyCost::day, DailyCost::cost)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(LocalDate.parse("2024-03-01"), usd("1.25")),
            org.assertj.core.groups.Tuple.tuple(LocalDate.parse("2024-03-02"), usd("2.50")),
            org.assertj.core.groups.Tuple.tuple(LocalDate.parse("2024-03-03"), usd("1.25")));
    assertThat(daily).allMatch(d -> d.scope().kind() == CostScope.Kind.TENANT);
    Money b =
        daily.stream()
            .filter(d -> d.scope().id().equals("b"))
            .map(DailyCost::cost)
            .reduce(usd("0"), Money::plus);
    assertThat(b).isEqualTo(a.tenantTotal(t("b")));
    Money platform =
        a.organisationDailyCosts("platform").stream()
            .map(DailyCost::cost)
            .reduce(usd("0"), Money::plus);
    assertThat(platform).isEqualTo(a.total()); // idle (2.50) included
  }
}
