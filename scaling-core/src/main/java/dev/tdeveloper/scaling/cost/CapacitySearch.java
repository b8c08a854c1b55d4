package dev.tdeveloper.scaling.cost;

import java.util.List;
import java.util.Optional;

/**
 * Exact search over replica counts per option. Every count vector with at most {@code maxReplicas}
 * replicas is covered: the counts of all options but the last are enumerated (pruned by price,
 * which only grows with a count), and the last option's count is solved from the linear
 * constraints, then confirmed with the same {@link #feasible} check the rest uses. No heuristic can
 * miss the optimum this way.
 */
final class CapacitySearch {
  private static final double EPS = 1e-9;

  private final List<CapacityOption> options;
  private final int minReplicas;
  private final int maxReplicas;
  private final double minOnDemandShare;

  CapacitySearch(List<CapacityOption> options, int min, int max, double minOnDemandShare) {
    this.options = options;
    this.minReplicas = min;
    this.maxReplicas = max;
    this.minOnDemandShare = minOnDemandShare;
  }

  /**
   * Whether the counts keep the bounds and the on-demand share, give {@code need}, cost {@code <=
   * budget}.
   */
  boolean feasible(int[] n, double need, double budget) {
    int total = 0;
    double onDemand = 0;
    double nominal = 0;
    for (int i = 0; i < n.length; i++) {
      total += n[i];
      double c = n[i] * options.get(i).capacityPerReplica();
      nominal += c;
      onDemand += options.get(i).pricing() == CapacityOption.Pricing.ON_DEMAND ? c : 0;
    }
    return total >= minReplicas
        && total <= maxReplicas
        && onDemand >= minOnDemandShare * nominal - EPS * Math.max(1, nominal)
        && capacity(n) >= need - EPS * Math.max(1, need)
        && cost(n) <= budget + EPS * Math.max(1, budget);
  }

  double cost(int[] n) {
    double sum = 0;
    for (int i = 0; i < n.length; i++) {
      sum += n[i] * options.get(i).pricePerReplicaHour();
    }
    return sum;
  }

  double capacity(int[] n) {
    double sum = 0;
    for (int i = 0; i < n.length; i++) {
      sum += n[i] * options.get(i).effectiveCapacityPerReplica();
    }
    return sum;
  }

  /**
   * The cheapest counts giving at least {@code need} within {@code budget}; ties: more capacity.
   */
  Optional<int[]> cheapest(double need, double budget) {
    return search(need, budget, true);
  }

  /** The counts giving the most capacity within {@code budget}; ties: cheaper. */
  Optional<int[]> mostCapacity(double budget) {
    return search(0, budget, false);
  }

  private Optional<int[]> search(double need, double budget, boolean minimizeCost) {
    int[] n = new int[options.size()];
    int[][] best = new int[1][];
    walk(0, 0, n, need, budget, minimizeCost, best);
    return Optional.ofNullable(best[0]);
  }

  private void walk(
      int i, int total, int[] n, double need, double budget, boolean minCost, int[][] best) {
    if (i == n.length - 1) {
      solveLast(total, n, need, budget, minCost, best);
      return;
    }
    for (int k = 0; total + k <= maxReplicas; k++) {
      n[i] = k;
      double partial = cost(n);
      if (partial > budget + EPS * Math.max(1, budget)
          || (minCost && best[0] != null && partial > cost(best[0]) + EPS)) {
        break; // more of this option only costs more
      }
      walk(i + 1, total + k, n, need, budget, minCost, best);
    }
    n[i] = 0;
  }

  /** Solves the last option's count from the constraints, confirmed with {@link #feasible}. */
  private void solveLast(
      int total, int[] n, double need, double budget, boolean minCost, int[][] best) {
    int last = n.length - 1;
    CapacityOption o = options.get(last);
    n[last] = 0;
    double od = 0;
    double all = 0;
    for (int i = 0; i < last; i++) {
      double c = n[i] * options.get(i).capacityPerReplica();
      all += c;
      od += options.get(i).pricing() == CapacityOption.Pricing.ON_DEMAND ? c : 0;
    }
    double s = minOnDemandShare;
    double c = o.capacityPerReplica();
    long lo = Math.max(0, minReplicas - total);
    long hi = maxReplicas - total;
    if (o.pricing() == CapacityOption.Pricing.ON_DEMAND && s < 1) {
      lo = Math.max(lo, (long) Math.ceil((s * all - od) / (c * (1 - s)) - EPS));
    } else if (o.pricing() == CapacityOption.Pricing.SPOT && s > 0) {
      hi = Math.min(hi, (long) Math.floor((od - s * all) / (s * c) + EPS));
    }
    double gap = need - capacity(n);
    if (gap > 0 && o.effectiveCapacityPerReplica() > 0) {
      lo = Math.max(lo, (long) Math.ceil(gap / o.effectiveCapacityPerReplica() - EPS));
    }
    if (o.pricePerReplicaHour() > 0 && Double.isFinite(budget)) {
      hi = Math.min(hi, (long) Math.floor((budget - cost(n)) / o.pricePerReplicaHour() + EPS));
    }
    hi = Math.min(hi, maxReplicas - total);
    boolean ascending = minCost || o.effectiveCapacityPerReplica() == 0;
    // The bounds above are exact up to rounding; the feasibility check settles the last step.
    for (int step = 0; step < 3; step++) {
      long k = ascending ? lo + step : hi - step;
      if (k < 0 || k > maxReplicas - total || (ascending ? k > hi + 1 : k < lo - 1)) {
        continue;
      }
      n[last] = (int) k;
      if (feasible(n, need, budget)) {
        offer(n, minCost, best);
        break;
      }
    }
    n[last] = 0;
  }

  private void offer(int[] n, boolean minCost, int[][] best) {
    if (best[0] == null || better(n, best[0], minCost)) {
      best[0] = n.clone();
    }
  }

  private boolean better(int[] a, int[] b, boolean minCost) {
    double costA = cost(a);
    double costB = cost(b);
    double capA = capacity(a);
    double capB = capacity(b);
    double primary = minCost ? costB - costA : capA - capB;
    if (Math.abs(primary) > EPS) {
      return primary > 0;
    }
    double secondary = minCost ? capA - capB : costB - costA;
    if (Math.abs(secondary) > EPS) {
      return secondary > 0;
    }
    return total(a) < total(b);
  }

  private static int total(int[] n) {
    int t = 0;
    for (int k : n) {
      t += k;
    }
    return t;
  }
}
