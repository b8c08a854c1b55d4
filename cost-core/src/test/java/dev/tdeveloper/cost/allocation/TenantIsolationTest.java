package dev.tdeveloper.cost.allocation;

import static dev.tdeveloper.cost.allocation.Bills.node;
import static dev.tdeveloper.cost.allocation.Bills.t;
import static dev.tdeveloper.cost.allocation.Bills.use;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.tenancy.TenantId;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * A tenant's amount depends only on its own usage and the sharing rules: another tenant's usage of
 * another asset never changes it, under every idle rule (shared costs split uniformly or by a
 * custom metric, the rules that do not by definition depend on the others' costs).
 */
class TenantIsolationTest {
  private static final List<Asset> BILL =
      List.of(
          node("node-1", "17.31", "100"),
          node("node-2", "23.05", "100"),
          Bills.asset(
              "lb",
              "ELB",
              dev.tdeveloper.cost.price.ResourceType.REQUESTS,
              "3.00",
              "0",
              Bills.MONTH));

  @Property(tries = 200)
  void anotherTenantsUsageOfAnotherAssetNeverChangesMyLines(
      @ForAll IdleSharing idle,
      @ForAll boolean customShared,
      @ForAll @IntRange(min = 1, max = 40) int acme,
      @ForAll @IntRange(min = 0, max = 40) int beta,
      @ForAll @IntRange(min = 1, max = 100) int gammaBefore,
      @ForAll @IntRange(min = 1, max = 100) int gammaAfter) {
    CostAllocator.Builder b = CostAllocator.builder().idleSharing(idle).sharedAssets("lb");
    Map<TenantId, BigDecimal> ones =
        Map.of(t("acme"), BigDecimal.ONE, t("beta"), BigDecimal.TEN, t("gamma"), BigDecimal.ONE);
    if (idle == IdleSharing.WEIGHTED) {
      b.tenantWeights(ones);
    }
    if (customShared) {
      b.sharedSplit(SharedSplit.CUSTOM).sharedMetric(ones);
    }
    CostAllocator allocator = b.build();
    List<CostLine> before =
        allocator.allocate(BILL, usage(acme, beta, gammaBefore)).explain(t("acme"));
    List<CostLine> after =
        allocator.allocate(BILL, usage(acme, beta, gammaAfter)).explain(t("acme"));
    assertThat(after).isEqualTo(before).isNotEmpty();
    assertThat(after).allMatch(l -> l.tenant().orElseThrow().equals(t("acme")));
  }

  private static List<dev.tdeveloper.cost.usage.UsageRecord> usage(int acme, int beta, int gamma) {
    return List.of(
        use("acme", "node-1", String.valueOf(acme), "0"),
        use("beta", "node-1", "0", String.valueOf(beta)),
        use("gamma", "node-2", String.valueOf(gamma), "1"));
  }
}
