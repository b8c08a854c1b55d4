package dev.tdeveloper.cost.allocation;

import static dev.tdeveloper.cost.allocation.Words.percent;
import static dev.tdeveloper.cost.allocation.Words.qty;

import dev.tdeveloper.cost.money.Apportionment;
import dev.tdeveloper.cost.money.Money;
import dev.tdeveloper.tenancy.TenantId;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
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
  private final Explained explained = new Explained();

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

  /** The parts {@link #split} adds per asset: one per tenant, or one unallocated part. */
  int parts() {
    return Math.max(1, tenants.size());
  }

  void split(Asset a, PartTable out) {
    Money cost = a.effectiveCost();
    if (tenants.isEmpty()) {
      out.add(
          CostLineKind.UNALLOCATED,
          null,
          a,
          BigDecimal.ZERO,
          cost.amount(),
          "shared.unallocated",
          explained);
      return;
    }
    String code = "shared." + rule.name().toLowerCase(Locale.ROOT);
    SplitParts parts = SplitParts.of(cost, weights);
    for (int i = 0; i < tenants.size(); i++) {
      parts.addTo(
          out, i, CostLineKind.SHARED_SHARE, tenants.get(i), a, weights.get(i), code, explained);
    }
  }

  /** The sentences of the shared parts; the weights are the same for every shared asset. */
  private final class Explained implements Part.Basis {
    @Override
    public BigDecimal share(Part p) {
      return tenants.isEmpty() ? BigDecimal.ONE : Words.share(p.quantity(), weightSum);
    }

    @Override
    public String explain(Part p, Currency currency) {
      Money cost = p.asset().effectiveCost();
      String head = "shared cost " + p.asset().id() + " (" + cost + ")";
      if (p.kind() == CostLineKind.UNALLOCATED) {
        String why =
            switch (rule) {
              case UNIFORM -> "no tenant has usage in this allocation";
              case PROPORTIONAL -> "no tenant has allocated cost in this allocation";
              case CUSTOM -> "no tenant has a metric above 0";
            };
        return head + ": " + why + ", so it is unallocated";
      }
      int n = tenants.size();
      String t = p.tenant().value();
      BigDecimal s = share(p);
      String how =
          switch (rule) {
            case UNIFORM -> " split uniformly among " + n + " tenants: " + t + " 1/" + n;
            case PROPORTIONAL ->
                " split by allocated cost: "
                    + t
                    + " "
                    + new Money(p.quantity(), currency)
                    + " of "
                    + new Money(weightSum, currency)
                    + " ("
                    + percent(s)
                    + ")";
            case CUSTOM ->
                " split by metric: "
                    + t
                    + " "
                    + qty(p.quantity())
                    + " of "
                    + qty(weightSum)
                    + " ("
                    + percent(s)
                    + ")";
          };
      return head + how + ": " + new Money(p.amount(), currency);
    }
  }
}
