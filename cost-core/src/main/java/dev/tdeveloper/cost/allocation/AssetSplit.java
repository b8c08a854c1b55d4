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
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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

  void split(AssetUsage au, PartTable out) {
    Asset a = au.asset;
    if (au.charged.isEmpty()) {
      out.add(
          CostLineKind.IDLE,
          null,
          a,
          a.capacity(),
          a.effectiveCost().amount(),
          "idle",
          Unused.INSTANCE);
      return;
    }
    List<TenantId> tenants = au.charged.tenants();
    tenants.sort(null);
    int n = tenants.size();
    BigDecimal[] q = new BigDecimal[n];
    BigDecimal used = BigDecimal.ZERO;
    int qScale = au.charged.unitScale();
    long[] qUnits = qScale < 0 ? null : new long[n]; // the sums as counted, when they fit
    long usedUnits = 0;
    for (int i = 0; i < n; i++) {
      if (qUnits != null) {
        qUnits[i] = au.charged.units(tenants.get(i));
        q[i] = BigDecimal.valueOf(qUnits[i], qScale);
        usedUnits += qUnits[i];
      } else {
        q[i] = au.charged.get(tenants.get(i));
        used = used.add(q[i]);
      }
    }
    if (qUnits != null && usedUnits < 0) { // overflow: every sum is below 2^63, not their total
      qUnits = null;
      for (int i = 0; i < n; i++) {
        used = used.add(q[i]);
      }
    } else if (qUnits != null) {
      used = BigDecimal.valueOf(usedUnits, qScale); // the same decimal as adding up q
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
              + a.resource().unit()
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
    int[] idleOwners = new int[n];
    int owners = 0;
    if (shareIdle) {
      for (int i = 0; i < n; i++) {
        if (basis[i].signum() > 0) {
          idleOwners[owners++] = i;
        }
      }
    }
    Money cost = a.effectiveCost();
    UnitWeights uw =
        qUnits == null
            ? null
            : UnitWeights.of(rule, qUnits, qScale, usedUnits, idle, idleOwners, owners);
    SplitParts parts = uw == null ? null : SplitParts.of(cost, uw.weights);
    BigDecimal total;
    if (parts != null) {
      total = uw.total();
    } else {
      List<BigDecimal> w = new ArrayList<>(2 * n + 1);
      for (int i = 0; i < n; i++) {
        w.add(shareIdle ? q[i].multiply(basisSum) : q[i]);
      }
      for (int k = 0; k < owners; k++) {
        w.add(idle.multiply(basis[idleOwners[k]]));
      }
      if (!shareIdle && idle.signum() > 0) {
        w.add(idle);
      }
      total = BigDecimal.ZERO;
      for (BigDecimal x : w) {
        total = total.add(x);
      }
      parts = SplitParts.of(cost, w);
    }
    ExactSum idleSum = new ExactSum();
    for (int k = n; k < parts.size(); k++) {
      parts.addTo(idleSum, k);
    }
    BigDecimal idleCost = parts.size() > n ? idleSum.value() : BigDecimal.ZERO;
    Explained basisOfLines =
        new Explained(
            a,
            used,
            idle,
            scaled,
            n,
            rule,
            sharing,
            basisSum,
            new Money(idleCost, cost.currency()),
            total);
    String usageRule = scaled ? "usage.scaled" : "usage";
    for (int i = 0; i < n; i++) {
      TenantId t = tenants.get(i);
      parts.addTo(out, i, CostLineKind.USAGE, t, a, q[i], usageRule, basisOfLines);
    }
    if (!shareIdle) {
      if (idle.signum() > 0) {
        parts.addTo(out, n, CostLineKind.IDLE, null, a, idle, "idle", basisOfLines);
      }
      return;
    }
    String code = "idle." + rule.name().toLowerCase(Locale.ROOT);
    for (int k = 0; k < owners; k++) {
      int i = idleOwners[k];
      TenantId t = tenants.get(i);
      parts.addTo(out, n + k, CostLineKind.IDLE_SHARE, t, a, basis[i], code, basisOfLines);
    }
  }

  /** The basis of an asset no tenant used: its whole cost is one idle part. */
  private enum Unused implements Part.Basis {
    INSTANCE;

    @Override
    public BigDecimal share(Part part) {
      return BigDecimal.ONE;
    }

    @Override
    public String explain(Part part, Currency currency) {
      Money cost = part.asset().effectiveCost();
      return "idle of " + part.asset().id() + ": no tenant used it: " + cost + " kept as idle";
    }
  }

  /** The numbers one asset's split quotes in its sentences. */
  private record Explained(
      Asset asset,
      BigDecimal used,
      BigDecimal idle,
      boolean scaled,
      int tenants,
      IdleSharing rule,
      IdleSharing configured,
      BigDecimal basisSum,
      Money idleCost,
      BigDecimal weightTotal)
      implements Part.Basis {

    /** The part's weight as the split computed it: every USAGE quota is cost * q / capacity. */
    @Override
    public BigDecimal share(Part p) {
      boolean shareIdle = rule != IdleSharing.NONE;
      BigDecimal weight =
          switch (p.kind()) {
            case USAGE -> shareIdle ? p.quantity().multiply(basisSum) : p.quantity();
            case IDLE_SHARE -> idle.multiply(p.quantity());
            default -> idle;
          };
      return Words.share(weight, weightTotal);
    }

    @Override
    public String explain(Part p, Currency currency) {
      Money part = new Money(p.amount(), currency);
      return switch (p.kind()) {
        case USAGE -> usage(p, part);
        case IDLE ->
            idleText()
                + (configured == IdleSharing.WEIGHTED
                    ? ", kept as idle: the tenants that used it all have weight 0"
                    : ", kept as idle (idle sharing NONE)");
        default -> idleText() + idleHow(p) + ": " + part;
      };
    }

    private String usage(Part p, Money part) {
      String t = p.tenant().value();
      String unit = asset.resource().unit();
      Money cost = asset.effectiveCost();
      BigDecimal capacity = asset.capacity();
      return scaled
          ? t
              + " used "
              + qty(p.quantity())
              + " of the "
              + qty(used)
              + " "
              + unit
              + " charged on "
              + asset.id()
              + ", above its capacity of "
              + qty(capacity)
              + ", scaled to capacity ("
              + percent(share(p))
              + "): "
              + part
              + " of its "
              + cost
          : t
              + " used "
              + qty(p.quantity())
              + " of the "
              + qty(capacity)
              + " "
              + unit
              + " capacity of "
              + asset.id()
              + " ("
              + percent(share(p))
              + "): "
              + part
              + " of its "
              + cost;
    }

    private String idleText() {
      return "idle of "
          + asset.id()
          + " ("
          + idleCost
          + ": "
          + qty(idle)
          + " of "
          + qty(asset.capacity())
          + " "
          + asset.resource().unit()
          + " unused)";
    }

    private String idleHow(Part p) {
      String t = p.tenant().value();
      BigDecimal ofIdle = Words.share(p.quantity(), basisSum);
      return switch (rule) {
        case EVEN -> " shared evenly among " + tenants + " tenants: " + t + " 1/" + tenants;
        case PROPORTIONAL ->
            " shared proportionally: "
                + t
                + " "
                + percent(ofIdle)
                + " by its usage of "
                + qty(p.quantity())
                + " of "
                + qty(used)
                + " "
                + asset.resource().unit();
        default ->
            " shared by tenant weights: "
                + t
                + " weight "
                + qty(p.quantity())
                + " of "
                + qty(basisSum)
                + " ("
                + percent(ofIdle)
                + ")";
      };
    }
  }
}
