package dev.tdeveloper.cost.allocation;

import static dev.tdeveloper.cost.allocation.Bills.MONTH;
import static dev.tdeveloper.cost.allocation.Bills.asset;
import static dev.tdeveloper.cost.allocation.Bills.node;
import static dev.tdeveloper.cost.allocation.Bills.t;
import static dev.tdeveloper.cost.allocation.Bills.usd;
import static dev.tdeveloper.cost.allocation.Bills.use;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.cost.price.ResourceType;
import dev.tdeveloper.cost.usage.UsageRecord;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Hand-computed allocations, one per idle and shared rule. */
class CostAllocatorTest {
  // node-7: USD 10.00 for 100 vCPU-hours; acme charged 20 + 10 = 30 (max of request and use),
  // beta 10: usage 3.00 and 1.00, idle 60 vCPU-hours = USD 6.00.
  // node-8: USD 5.00 for 10 vCPU-hours, all used by gamma. lb-1: USD 9.00, shared.
  static final List<Asset> BILL =
      List.of(
          node("node-7", "10.00", "100"),
          node("node-8", "5.00", "10"),
          asset("lb-1", "Elastic Load Balancing", ResourceType.REQUESTS, "9.00", "0", MONTH));
  static final List<UsageRecord> USAGE =
      List.of(
          use("acme", "node-7", "20", "15"),
          use("acme", "node-7", "5", "10"),
          use("beta", "node-7", "10", "0"),
          use("gamma", "node-8", "10", "10"));

  private static Allocation allocate(CostAllocator.Builder b) {
    Allocation a = b.sharedAssets("lb-1").build().allocate(BILL, USAGE);
    assertThat(a.reconcile()).isEqualTo(usd("24.00"));
    return a;
  }

  private static BigDecimal amount(Allocation a, CostLineKind kind, String tenant, String asset) {
    return a.lines().stream()
        .filter(l -> l.kind() == kind && l.assetId().equals(asset))
        .filter(l -> l.tenant().map(x -> x.value().equals(tenant)).orElse(tenant == null))
        .map(l -> l.amount().amount())
        .reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  @Test
  void linesAreRenderedTheSameOnEveryReadAndExplainIsTheTenantsLinesInOrder() {
    Allocation a = allocate(CostAllocator.builder().idleSharing(IdleSharing.PROPORTIONAL));
    assertThat(a.lines()).hasSize(8).isEqualTo(List.copyOf(a.lines()));
    assertThat(a.explain(t("acme")))
        .containsExactlyElementsOf(
            a.lines().stream().filter(l -> l.tenant().equals(Optional.of(t("acme")))).toList());
    assertThat(a.explain(t("nobody"))).isEmpty();
    assertThatThrownBy(() -> a.lines().get(8)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> a.lines().add(a.lines().get(0)))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void idleNoneKeepsIdleAsOneLineAndChargesUsageByShareOfCapacity() {
    Allocation a = allocate(CostAllocator.builder());
    assertThat(amount(a, CostLineKind.USAGE, "acme", "node-7")).isEqualByComparingTo("3.00");
    assertThat(amount(a, CostLineKind.USAGE, "beta", "node-7")).isEqualByComparingTo("1.00");
    assertThat(amount(a, CostLineKind.IDLE, null, "node-7")).isEqualByComparingTo("6.00");
    assertThat(a.idle()).isEqualTo(usd("6.00"));
    assertThat(a.tenantTotals())
        .containsExactlyEntriesOf(
            new java.util.TreeMap<>(
                Map.of(t("acme"), usd("6.00"), t("beta"), usd("4.00"), t("gamma"), usd("8.00"))));
    assertThat(a.serviceTotals())
        .containsEntry("Amazon EC2", usd("15.00"))
        .containsEntry("Elastic Load Balancing", usd("9.00"));
  }

  @Test
  void idleEvenSplitsIdleEquallyAmongTheTenantsThatUsedTheAsset() {
    Allocation a = allocate(CostAllocator.builder().idleSharing(IdleSharing.EVEN));
    assertThat(amount(a, CostLineKind.IDLE_SHARE, "acme", "node-7")).isEqualByComparingTo("3.00");
    assertThat(amount(a, CostLineKind.IDLE_SHARE, "beta", "node-7")).isEqualByComparingTo("3.00");
    assertThat(amount(a, CostLineKind.IDLE_SHARE, "gamma", "node-7")).isZero();
    assertThat(a.idle()).isEqualTo(usd("0"));
  }

  @Test
  void idleProportionalSplitsIdleByUsageCost() {
    Allocation a = allocate(CostAllocator.builder().idleSharing(IdleSharing.PROPORTIONAL));
    assertThat(amount(a, CostLineKind.IDLE_SHARE, "acme", "node-7")).isEqualByComparingTo("4.50");
    assertThat(amount(a, CostLineKind.IDLE_SHARE, "beta", "node-7")).isEqualByComparingTo("1.50");
    assertThat(a.explain(t("acme")).get(1).explanation())
        .isEqualTo(
            "idle of node-7 (USD 6.00: 60 of 100 vCPU-hour unused) shared proportionally: acme"
                + " 75.00% by its usage of 30 of 40 vCPU-hour: USD 4.50");
  }

  @Test
  void idleWeightedSplitsIdleByTenantWeights() {
    Allocation a =
        allocate(
            CostAllocator.builder()
                .idleSharing(IdleSharing.WEIGHTED)
                .tenantWeights(
                    Map.of(
                        t("acme"),
                        BigDecimal.ONE,
                        t("beta"),
                        new BigDecimal("2"),
                        t("gamma"),
                        BigDecimal.ONE)));
    assertThat(amount(a, CostLineKind.IDLE_SHARE, "acme", "node-7")).isEqualByComparingTo("2.00");
    assertThat(amount(a, CostLineKind.IDLE_SHARE, "beta", "node-7")).isEqualByComparingTo("4.00");
  }

  @Test
  void idleWeightedWithAllWeightsZeroKeepsIdleAndSaysWhy() {
    Allocation a =
        allocate(
            CostAllocator.builder()
                .idleSharing(IdleSharing.WEIGHTED)
                .tenantWeights(
                    Map.of(
                        t("acme"),
                        BigDecimal.ZERO,
                        t("beta"),
                        BigDecimal.ZERO,
                        t("gamma"),
                        BigDecimal.ONE)));
    assertThat(a.idle()).isEqualTo(usd("6.00"));
    assertThat(a.lines())
        .filteredOn(l -> l.kind() == CostLineKind.IDLE)
        .singleElement()
        .satisfies(l -> assertThat(l.explanation()).contains("all have weight 0"));
  }

  @Test
  void sharedUniformSplitsEquallyAmongTenantsWithUsage() {
    Allocation a = allocate(CostAllocator.builder());
    for (String tenant : List.of("acme", "beta", "gamma")) {
      assertThat(amount(a, CostLineKind.SHARED_SHARE, tenant, "lb-1")).isEqualByComparingTo("3.00");
    }
    assertThat(a.explain(t("beta")))
        .filteredOn(l -> l.kind() == CostLineKind.SHARED_SHARE)
        .singleElement()
        .satisfies(
            l -> {
              assertThat(l.rule()).isEqualTo("shared.uniform");
              assertThat(l.explanation())
                  .isEqualTo(
                      "shared cost lb-1 (USD 9.00) split uniformly among 3 tenants: beta 1/3:"
                          + " USD 3.00");
            });
  }

  @Test
  void sharedProportionalSplitsByAllocatedCostOfTheOtherAssets() {
    Allocation a = allocate(CostAllocator.builder().sharedSplit(SharedSplit.PROPORTIONAL));
    // allocated: acme 3.00, beta 1.00, gamma 5.00 (idle NONE keeps 6.00 out)
    assertThat(amount(a, CostLineKind.SHARED_SHARE, "acme", "lb-1")).isEqualByComparingTo("3.00");
    assertThat(amount(a, CostLineKind.SHARED_SHARE, "beta", "lb-1")).isEqualByComparingTo("1.00");
    assertThat(amount(a, CostLineKind.SHARED_SHARE, "gamma", "lb-1")).isEqualByComparingTo("5.00");
  }

  @Test
  void sharedCustomSplitsByTheGivenMetric() {
    Allocation a =
        allocate(
            CostAllocator.builder()
                .sharedSplit(SharedSplit.CUSTOM)
                .sharedMetric(
                    Map.of(
                        t("acme"),
                        BigDecimal.ONE,
                        t("beta"),
                        BigDecimal.ZERO,
                        t("gamma"),
                        new BigDecimal("2"))));
    assertThat(amount(a, CostLineKind.SHARED_SHARE, "acme", "lb-1")).isEqualByComparingTo("3.00");
    assertThat(amount(a, CostLineKind.SHARED_SHARE, "gamma", "lb-1")).isEqualByComparingTo("6.00");
    assertThat(a.explain(t("beta"))).noneMatch(l -> l.kind() == CostLineKind.SHARED_SHARE);
  }

  @Test
  void sharedCostWithoutTenantsIsUnallocatedAndAnAssetWithoutUsageIsIdle() {
    Allocation a = CostAllocator.builder().sharedAssets("lb-1").build().allocate(BILL, List.of());
    assertThat(a.unallocated()).isEqualTo(usd("9.00"));
    assertThat(a.idle()).isEqualTo(usd("15.00"));
    assertThat(a.tenantTotals()).isEmpty();
    assertThat(a.reconcile()).isEqualTo(usd("24.00"));
    assertThat(a.lines())
        .filteredOn(l -> l.kind() == CostLineKind.UNALLOCATED)
        .singleElement()
        .satisfies(l -> assertThat(l.explanation()).contains("no tenant has usage"));
  }

  @Test
  void sharedByPredicateOnService() {
    Allocation a =
        CostAllocator.builder()
            .sharedWhen(x -> x.service().equals("Elastic Load Balancing"))
            .build()
            .allocate(BILL, USAGE);
    assertThat(a.lines()).filteredOn(l -> l.kind() == CostLineKind.SHARED_SHARE).hasSize(3);
  }

  @Test
  void usageLinesExplainTheirNumbers() {
    Allocation a = allocate(CostAllocator.builder());
    CostLine acme = a.explain(t("acme")).get(0);
    assertThat(acme.kind()).isEqualTo(CostLineKind.USAGE);
    assertThat(acme.rule()).isEqualTo("usage");
    assertThat(acme.quantity()).isEqualByComparingTo("30");
    assertThat(acme.share()).isEqualByComparingTo("0.3");
    assertThat(acme.explanation())
        .isEqualTo(
            "acme used 30 of the 100 vCPU-hour capacity of node-7 (30.00%): USD 3.00 of its"
                + " USD 10.00");
    assertThat(a.explain(t("acme"))).allMatch(l -> l.tenant().orElseThrow().equals(t("acme")));
  }

  @Test
  void leftoverCentGoesToTheLargestRemainderThenToTheFirstTenant() {
    Allocation a =
        CostAllocator.builder()
            .build()
            .allocate(
                List.of(node("n", "10.00", "3")),
                List.of(use("c", "n", "1", "0"), use("a", "n", "1", "0"), use("b", "n", "1", "0")));
    assertThat(a.tenantTotals().values())
        .containsExactly(usd("3.34"), usd("3.33"), usd("3.33")); // a, b, c
  }

  @Test
  void billAtSixDecimalsIsDistributedInMillionths() {
    Allocation a =
        CostAllocator.builder()
            .build()
            .allocate(
                List.of(node("n", "12.345678", "3")),
                List.of(use("a", "n", "1", "0"), use("b", "n", "2", "0")));
    assertThat(a.tenantTotal(t("a"))).isEqualTo(usd("4.115226"));
    assertThat(a.tenantTotal(t("b"))).isEqualTo(usd("8.230452"));
  }

  @Test
  void usageAboveCapacityScaledToCapacityWhenConfigured() {
    Allocation a =
        CostAllocator.builder()
            .overCapacity(OverCapacity.SCALE_TO_CAPACITY)
            .build()
            .allocate(
                List.of(node("n", "10.00", "10")),
                List.of(use("a", "n", "12", "0"), use("b", "n", "4", "8")));
    assertThat(a.tenantTotal(t("a"))).isEqualTo(usd("6.00"));
    assertThat(a.tenantTotal(t("b"))).isEqualTo(usd("4.00"));
    assertThat(a.lines()).allMatch(l -> l.rule().equals("usage.scaled"));
    assertThat(a.lines().get(0).explanation()).contains("above its capacity of 10");
  }
}
