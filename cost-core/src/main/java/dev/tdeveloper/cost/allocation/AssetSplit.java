package dev.tdeveloper.cost.allocation;

import static dev.tdeveloper.cost.allocation.Words.percent;
import static dev.tdeveloper.cost.allocation.Words.qty;
import static dev.tdeveloper.cost.allocation.Words.share;

import dev.tdeveloper.cost.money.Apportionment;
import dev.tdeveloper.cost.money.Money;
import dev.tdeveloper.tenancy.TenantId;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Splits one non-shared asset's effective cost into usage lines, idle shares and an idle line with
 * one {@link Apportionment}: the weights are scaled by a common factor so that every part's exact
 * quota is {@code cost * part / capacity}, and the lines add up to the cost exactly.
 *
 * <p>With tenants' charged usage {@code q_i}, their sum {@code U}, capacity {@code C} and idle
 * {@code I = C - U}: NONE weighs {@code q_i} and {@code I}; EVEN {@code n q_i} and {@code I} per
 * tenant; PROPORTIONAL {@code U q_i} and {@code I q_i}; WEIGHTED {@code W q_i} and {@code I w_i}.
 * Every USAGE quota is thus {@code cost * q_i / C}, whatever the idle rule.
 */
final class AssetSplit {
  private final IdleSharing sharing;
  private final Map<TenantId, BigDecimal> weights;
  private final OverCapacity overCapacity;

  AssetSplit(IdleSharing sharing, Map<TenantId, BigDecimal> weights, OverCapacity overCapacity) {
    this.sharing = sharing;
    this.weights = weights;
    this.overCapacity = overCapacity;
  }

  void split(AssetUsage au, List<CostLine> out, Map<TenantId, BigDecimal> allocated) {
    Asset a = au.asset;
    Money cost = a.effectiveCost();
    String unit = a.resource().unit();
    if (au.charged.isEmpty()) {
      out.add(
          line(
              a,
              CostLineKind.IDLE,
              null,
              a.capacity(),
              cost,
              "idle",
              BigDecimal.ONE,
              "idle of " + a.id() + ": no tenant used it: " + cost + " kept as idle"));
      return;
    }
    List<TenantId> tenants = new ArrayList<>(au.charged.keySet());
    tenants.sort(null);
    int n = tenants.size();
    BigDecimal[] q = new BigDecimal[n];
    BigDecimal used = BigDecimal.ZERO;
    for (int i = 0; i < n; i++) {
      q[i] = au.charged.get(tenants.get(i));
      used = used.add(q[i]);
    }
    BigDecimal capacity = a.capacity();
    boolean scaled = used.compareTo(capacity) > 0;
    if (scaled && overCapacity == OverCapacity.REFUSE) {
      throw new AllocationException(
          "asset "
              + a.id()
              + ": tenants' charged usage "
              + qty(used)
              + " "
              + unit
              + " exceeds its capacity "
              + qty(capacity)
              + "; allowed: usage up to capacity (or overCapacity SCALE_TO_CAPACITY)");
    }
    BigDecimal idle = scaled ? BigDecimal.ZERO : capacity.subtract(used);
    IdleSharing rule = idle.signum() == 0 ? IdleSharing.NONE : sharing;
    BigDecimal[] basis = new BigDecimal[n]; // each tenant's idle-share basis
    BigDecimal basisSum = BigDecimal.ZERO;
    if (rule == IdleSharing.WEIGHTED) {
      for (int i = 0; i < n; i++) {
        BigDecimal w = weights.get(tenants.get(i));
        if (w == null) {
          throw new AllocationException(
              "asset "
                  + a.id()
                  + ": tenant "
                  + tenants.get(i).value()
                  + " used it but has no weight; allowed: a tenantWeights entry per tenant");
        }
        basis[i] = w;
        basisSum = basisSum.add(w);
      }
      if (basisSum.signum() == 0) {
        rule = IdleSharing.NONE; // no weight to share by: idle stays idle, and says why
      }
    } else if (rule == IdleSharing.EVEN) {
      Arrays.fill(basis, BigDecimal.ONE);
      basisSum = BigDecimal.valueOf(n);
    } else if (rule == IdleSharing.PROPORTIONAL) {
      System.arraycopy(q, 0, basis, 0, n);
      basisSum = used;
    }
    boolean shareIdle = rule != IdleSharing.NONE;
    List<BigDecimal> w = new ArrayList<>(2 * n + 1);
    for (int i = 0; i < n; i++) {
      w.add(shareIdle ? q[i].multiply(basisSum) : q[i]);
    }
    List<Integer> idleOwners = new ArrayList<>();
    if (shareIdle) {
      for (int i = 0; i < n; i++) {
        if (basis[i].signum() > 0) {
          w.add(idle.multiply(basis[i]));
          idleOwners.add(i);
        }
      }
    } else if (idle.signum() > 0) {
      w.add(idle);
    }
    BigDecimal total = BigDecimal.ZERO;
    for (BigDecimal x : w) {
      total = total.add(x);
    }
    List<Money> parts = Apportionment.split(cost, w);
    for (int i = 0; i < n; i++) {
      TenantId t = tenants.get(i);
      BigDecimal s = share(w.get(i), total);
      String text =
          scaled
              ? t.value()
                  + " used "
                  + qty(q[i])
                  + " of the "
                  + qty(used)
                  + " "
                  + unit
                  + " charged on "
                  + a.id()
                  + ", above its capacity of "
                  + qty(capacity)
                  + ", scaled to capacity ("
                  + percent(s)
                  + "): "
                  + parts.get(i)
                  + " of its "
                  + cost
              : t.value()
                  + " used "
                  + qty(q[i])
                  + " of the "
                  + qty(capacity)
                  + " "
                  + unit
                  + " capacity of "
                  + a.id()
                  + " ("
                  + percent(s)
                  + "): "
                  + parts.get(i)
                  + " of its "
                  + cost;
      out.add(
          line(
              a,
              CostLineKind.USAGE,
              t,
              q[i],
              parts.get(i),
              scaled ? "usage.scaled" : "usage",
              s,
              text));
      allocated.merge(t, parts.get(i).amount(), BigDecimal::add);
    }
    Money idleCost = Money.zero(cost.currency());
    for (int k = n; k < parts.size(); k++) {
      idleCost = idleCost.plus(parts.get(k));
    }
    String idleText =
        "idle of "
            + a.id()
            + " ("
            + idleCost
            + ": "
            + qty(idle)
            + " of "
            + qty(capacity)
            + " "
            + unit
            + " unused)";
    if (!shareIdle) {
      if (idle.signum() > 0) {
        String why =
            sharing == IdleSharing.WEIGHTED
                ? ", kept as idle: the tenants that used it all have weight 0"
                : ", kept as idle (idle sharing NONE)";
        out.add(
            line(
                a,
                CostLineKind.IDLE,
                null,
                idle,
                parts.get(n),
                "idle",
                share(w.get(n), total),
                idleText + why));
      }
      return;
    }
    String code = "idle." + rule.name().toLowerCase(Locale.ROOT);
    for (int k = 0; k < idleOwners.size(); k++) {
      int i = idleOwners.get(k);
      TenantId t = tenants.get(i);
      Money part = parts.get(n + k);
      BigDecimal ofIdle = share(basis[i], basisSum);
      String how =
          switch (rule) {
            case EVEN -> " shared evenly among " + n + " tenants: " + t.value() + " 1/" + n;
            case PROPORTIONAL ->
                " shared proportionally: "
                    + t.value()
                    + " "
                    + percent(ofIdle)
                    + " by its usage of "
                    + qty(q[i])
                    + " of "
                    + qty(used)
                    + " "
                    + unit;
            default ->
                " shared by tenant weights: "
                    + t.value()
                    + " weight "
                    + qty(basis[i])
                    + " of "
                    + qty(basisSum)
                    + " ("
                    + percent(ofIdle)
                    + ")";
          };
      out.add(
          line(
              a,
              CostLineKind.IDLE_SHARE,
              t,
              basis[i],
              part,
              code,
              share(w.get(n + k), total),
              idleText + how + ": " + part));
      allocated.merge(t, part.amount(), BigDecimal::add);
    }
  }

  static CostLine line(
      Asset a,
      CostLineKind kind,
      TenantId tenant,
      BigDecimal quantity,
      Money amount,
      String rule,
      BigDecimal share,
      String explanation) {
    return new CostLine(
        kind,
        Optional.ofNullable(tenant),
        a.id(),
        a.service(),
        a.region(),
        a.resource(),
        a.model(),
        a.period(),
        quantity,
        amount,
        rule,
        share,
        explanation);
  }
}
