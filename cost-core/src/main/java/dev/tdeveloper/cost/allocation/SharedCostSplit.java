package dev.tdeveloper.cost.allocation;

import static dev.tdeveloper.cost.allocation.Words.percent;
import static dev.tdeveloper.cost.allocation.Words.qty;
import static dev.tdeveloper.cost.allocation.Words.share;

import dev.tdeveloper.cost.money.Apportionment;
import dev.tdeveloper.cost.money.Money;
import dev.tdeveloper.tenancy.TenantId;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Splits each shared asset's effective cost among the allocation's tenants with one {@link
 * Apportionment}: UNIFORM among the tenants with charged usage of any asset, PROPORTIONAL by their
 * allocated cost of the non-shared assets, CUSTOM by the given metric. Without tenants (or with all
 * weights zero) the cost becomes one {@link CostLineKind#UNALLOCATED} line.
 */
final class SharedCostSplit {
  private final SharedSplit rule;
  private final List<TenantId> tenants = new ArrayList<>();
  private final List<BigDecimal> weights = new ArrayList<>();
  private final BigDecimal weightSum;

  SharedCostSplit(
      SharedSplit rule,
      Map<TenantId, BigDecimal> metric,
      Set<TenantId> active,
      Map<TenantId, BigDecimal> allocated) {
    this.rule = rule;
    Map<TenantId, BigDecimal> basis = new TreeMap<>();
    switch (rule) {
      case UNIFORM -> active.forEach(t -> basis.put(t, BigDecimal.ONE));
      case PROPORTIONAL -> basis.putAll(allocated);
      case CUSTOM -> basis.putAll(metric);
    }
    BigDecimal sum = BigDecimal.ZERO;
    for (Map.Entry<TenantId, BigDecimal> e : basis.entrySet()) {
      if (e.getValue().signum() > 0) {
        tenants.add(e.getKey());
        weights.add(e.getValue());
        sum = sum.add(e.getValue());
      }
    }
    this.weightSum = sum;
  }

  void split(Asset a, List<CostLine> out) {
    Money cost = a.effectiveCost();
    String head = "shared cost " + a.id() + " (" + cost + ")";
    if (tenants.isEmpty()) {
      String why =
          switch (rule) {
            case UNIFORM -> "no tenant has usage in this allocation";
            case PROPORTIONAL -> "no tenant has allocated cost in this allocation";
            case CUSTOM -> "no tenant has a metric above 0";
          };
      out.add(
          AssetSplit.line(
              a,
              CostLineKind.UNALLOCATED,
              null,
              BigDecimal.ZERO,
              cost,
              "shared.unallocated",
              BigDecimal.ONE,
              head + ": " + why + ", so it is unallocated"));
      return;
    }
    String code = "shared." + rule.name().toLowerCase(Locale.ROOT);
    List<Money> parts = Apportionment.split(cost, weights);
    int n = tenants.size();
    for (int i = 0; i < n; i++) {
      TenantId t = tenants.get(i);
      BigDecimal s = share(weights.get(i), weightSum);
      String how =
          switch (rule) {
            case UNIFORM -> " split uniformly among " + n + " tenants: " + t.value() + " 1/" + n;
            case PROPORTIONAL ->
                " split by allocated cost: "
                    + t.value()
                    + " "
                    + new Money(weights.get(i), cost.currency())
                    + " of "
                    + new Money(weightSum, cost.currency())
                    + " ("
                    + percent(s)
                    + ")";
            case CUSTOM ->
                " split by metric: "
                    + t.value()
                    + " "
                    + qty(weights.get(i))
                    + " of "
                    + qty(weightSum)
                    + " ("
                    + percent(s)
                    + ")";
          };
      out.add(
          AssetSplit.line(
              a,
              CostLineKind.SHARED_SHARE,
              t,
              weights.get(i),
              parts.get(i),
              code,
              s,
              head + how + ": " + parts.get(i)));
    }
  }
}
