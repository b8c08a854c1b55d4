package dev.tdeveloper.scaling.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tdeveloper.scaling.autoscale.Metric;
import dev.tdeveloper.scaling.autoscale.ReplicaBounds;
import dev.tdeveloper.scaling.autoscale.ScalingInput;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/** The exact search against brute force over every count vector of small problems. */
class CostOptimumPropertyTest {
  private static final double EPS = 1e-9;

  @Provide
  Arbitrary<List<CapacityOption>> options() {
    Arbitrary<CapacityOption> od =
        Combinators.combine(
                Arbitraries.integers().between(0, 9), Arbitraries.integers().between(1, 9))
            .as((p, c) -> CapacityOption.onDemand("x", p, c * 10));
    Arbitrary<CapacityOption> spot =
        Combinators.combine(
                Arbitraries.integers().between(0, 9),
                Arbitraries.integers().between(1, 9),
                Arbitraries.of(0.0, 0.1, 0.25, 0.5, 1.0))
            .as((p, c, r) -> CapacityOption.spot("x", p / 3.0, c * 10, r));
    return Arbitraries.oneOf(od, spot)
        .list()
        .ofMinSize(1)
        .ofMaxSize(3)
        .map(
            list -> {
              List<CapacityOption> named = new ArrayList<>();
              List<CapacityOption> in = new ArrayList<>(list);
              in.add(0, CapacityOption.onDemand("base", 2, 30)); // so any share is reachable
              for (int i = 0; i < in.size(); i++) {
                CapacityOption o = in.get(i);
                named.add(
                    new CapacityOption(
                        "o" + i,
                        o.pricing(),
                        o.pricePerReplicaHour(),
                        o.capacityPerReplica(),
                        o.interruptionRatePerHour()));
              }
              return named;
            });
  }

  @Property(tries = 300)
  void planIsTheBruteForceOptimum(
      @ForAll("options") List<CapacityOption> options,
      @ForAll @IntRange(min = 0, max = 3) int min,
      @ForAll @IntRange(min = 1, max = 7) int extra,
      @ForAll @DoubleRange(min = 0, max = 500) double load,
      @ForAll("ceilings") double ceiling,
      @ForAll("shares") double share,
      @ForAll @IntRange(min = 0, max = 40) int budgetTenths) {
    int max = min + extra;
    CostAwareAutoscalerBuilder b =
        CostAwareAutoscaler.builder()
            .utilizationCeiling(ceiling)
            .minOnDemandShare(share)
            .bounds(ReplicaBounds.of(min, max));
    double budget = budgetTenths == 0 ? Double.POSITIVE_INFINITY : budgetTenths;
    if (budgetTenths > 0) {
      b.budgetPerHour(budget);
    }
    options.forEach(b::option);
    ScalingInput input =
        ScalingInput.at(Instant.EPOCH).workload(Metric.REQUESTS_PER_SECOND, load).build();
    CapacityPlan plan = b.build().plan(input).orElseThrow();

    CapacitySearch check = new CapacitySearch(options, min, max, share);
    double need = load / ceiling;
    double bestCost = Double.POSITIVE_INFINITY;
    double bestCapacityInBudget = -1;
    double cheapestAtAll = Double.POSITIVE_INFINITY;
    for (int[] n : vectors(options.size(), max)) {
      if (!bounded(n, min, max, share, options)) {
        continue;
      }
      double cost = check.cost(n);
      cheapestAtAll = Math.min(cheapestAtAll, cost);
      if (cost <= budget + EPS * Math.max(1, budget)) {
        bestCapacityInBudget = Math.max(bestCapacityInBudget, check.capacity(n));
        if (check.capacity(n) >= need - EPS * Math.max(1, need)) {
          bestCost = Math.min(bestCost, cost);
        }
      }
    }
    assertThat(plan.totalReplicas()).isBetween(min, max);
    if (bestCost < Double.POSITIVE_INFINITY) {
      assertThat(plan.meetsCeiling()).isTrue();
      assertThat(plan.hourlyCost()).isCloseTo(bestCost, within(1e-6));
    } else if (bestCapacityInBudget >= 0) {
      assertThat(plan.effectiveCapacity()).isCloseTo(bestCapacityInBudget, within(1e-6));
      assertThat(plan.hourlyCost()).isLessThanOrEqualTo(budget + 1e-6);
    } else {
      assertThat(plan.hourlyCost()).isCloseTo(cheapestAtAll, within(1e-6));
      assertThat(plan.hasReason("cost.budget")).isTrue();
    }
  }

  @Provide
  Arbitrary<Double> ceilings() {
    return Arbitraries.of(0.5, 0.7, 0.8, 1.0);
  }

  @Provide
  Arbitrary<Double> shares() {
    return Arbitraries.of(0.0, 0.3, 0.5, 1.0);
  }

  /** Bounds and on-demand share, computed independently of the search. */
  private static boolean bounded(int[] n, int min, int max, double share, List<CapacityOption> o) {
    int total = 0;
    double od = 0;
    double all = 0;
    for (int i = 0; i < n.length; i++) {
      total += n[i];
      double c = n[i] * o.get(i).capacityPerReplica();
      all += c;
      od += o.get(i).pricing() == CapacityOption.Pricing.ON_DEMAND ? c : 0;
    }
    return total >= min && total <= max && od >= share * all - EPS * Math.max(1, all);
  }

  private static List<int[]> vectors(int size, int max) {
    List<int[]> out = new ArrayList<>();
    fill(new int[size], 0, max, out);
    return out;
  }

  private static void fill(int[] n, int i, int left, List<int[]> out) {
    if (i == n.length) {
      out.add(n.clone());
      return;
    }
    for (int k = 0; k <= left; k++) {
      n[i] = k;
      fill(n, i + 1, left - k, out);
    }
    n[i] = 0;
  }
}
