package dev.tdeveloper.scaling.cost;

import dev.tdeveloper.scaling.autoscale.Autoscaler;
import dev.tdeveloper.scaling.autoscale.Metric;
import dev.tdeveloper.scaling.autoscale.ReplicaBounds;
import dev.tdeveloper.scaling.autoscale.ScalingDecision;
import dev.tdeveloper.scaling.autoscale.ScalingInput;
import dev.tdeveloper.scaling.autoscale.ScalingReason;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Picks the cheapest capacity that keeps expected utilization under an SLO ceiling: the load comes
 * from the workload's {@link Metric#REQUESTS_PER_SECOND} (or, without it, the ready replicas' mean
 * times their number); spot capacity counts for its capacity less its interruption rate; at least
 * {@code minOnDemandShare} of the nominal capacity stays on-demand to survive a spot reclaim; the
 * plan never costs more than the budget. When the budget cannot meet the ceiling, the plan is the
 * most capacity the budget buys and the reasons say by how much the SLO is at risk. When even the
 * bounds and the on-demand share cost more than the budget, the bounds win (cheapest plan within
 * them) and {@code cost.budget} says so.
 *
 * <p>The search is exact (see {@link #plan}); its cost grows as {@code maxReplicas^(options - 1)},
 * so at most {@value #MAX_OPTIONS} options are accepted. Stateless and thread-safe.
 */
public final class CostAwareAutoscaler implements Autoscaler {
  /** The most options one autoscaler accepts. */
  public static final int MAX_OPTIONS = 4;

  private final List<CapacityOption> options;
  private final double ceiling;
  private final double minOnDemandShare;
  private final double budget;
  private final ReplicaBounds bounds;
  private final CapacitySearch search;
  private final CapacitySearch onDemandOnly;

  CostAwareAutoscaler(CostAwareAutoscalerBuilder b) {
    this.options = List.copyOf(b.options);
    this.ceiling = b.ceiling;
    this.minOnDemandShare = b.minOnDemandShare;
    this.budget = b.budget;
    this.bounds = b.bounds;
    this.search = new CapacitySearch(options, bounds.min(), bounds.max(), minOnDemandShare);
    List<CapacityOption> onDemandOptions =
        options.stream().filter(o -> o.pricing() == CapacityOption.Pricing.ON_DEMAND).toList();
    this.onDemandOnly =
        onDemandOptions.isEmpty()
            ? null
            : new CapacitySearch(onDemandOptions, bounds.min(), bounds.max(), 0);
  }

  /**
   * A builder.
   *
   * @return a new builder
   */
  public static CostAwareAutoscalerBuilder builder() {
    return new CostAwareAutoscalerBuilder();
  }

  @Override
  public String name() {
    return "cost-aware";
  }

  @Override
  public ScalingDecision decide(ScalingInput input) {
    Objects.requireNonNull(input, "input");
    Optional<CapacityPlan> plan = plan(input);
    if (plan.isEmpty()) {
      return ScalingDecision.unchanged(
          input,
          name(),
          List.of(
              ScalingReason.of(
                  "cost.nodata",
                  Metric.REQUESTS_PER_SECOND,
                  "no workload requests_per_second and no ready replica reports it; no change")));
    }
    return new ScalingDecision(
        input.time(),
        input.currentReplicas(),
        plan.get().totalReplicas(),
        name(),
        plan.get().reasons());
  }

  /**
   * The cheapest plan for the input's load, found by exact search over every count per option.
   *
   * @param input the workload's metrics
   * @return the plan, or empty when the input carries no request rate
   */
  public Optional<CapacityPlan> plan(ScalingInput input) {
    Objects.requireNonNull(input, "input");
    List<ScalingReason> reasons = new ArrayList<>();
    OptionalDouble workload = input.workload(Metric.REQUESTS_PER_SECOND);
    double load;
    if (workload.isPresent()) {
      load = workload.getAsDouble();
      reasons.add(
          reason("cost.load", "load %.2f rps from the workload's requests_per_second", load));
    } else {
      OptionalDouble mean = input.averageOverReady(Metric.REQUESTS_PER_SECOND);
      if (mean.isEmpty()) {
        return Optional.empty();
      }
      load = mean.getAsDouble() * input.readyReplicas();
      reasons.add(
          reason(
              "cost.load",
              "load %.2f rps = mean %.2f rps x %d ready replicas",
              load,
              mean.getAsDouble(),
              input.readyReplicas()));
    }
    double need = load / ceiling;
    Optional<int[]> unbudgeted = search.cheapest(need, Double.POSITIVE_INFINITY);
    int[] chosen = search.cheapest(need, budget).orElse(null);
    if (chosen == null) {
      chosen = search.mostCapacity(budget).orElse(null);
      if (chosen == null) {
        chosen = search.cheapest(0, Double.POSITIVE_INFINITY).orElseThrow();
        reasons.add(
            reason(
                "cost.budget",
                "budget $%.2f/h exceeded: the replica bounds and on-demand share alone cost $%.2f/h",
                budget,
                search.cost(chosen)));
      } else if (unbudgeted.isPresent()) {
        double full = search.cost(unbudgeted.get());
        reasons.add(
            reason(
                "cost.budget",
                "budget $%.2f/h caps the plan at $%.2f/h: meeting the ceiling needs $%.2f/h (+$%.2f/h)",
                budget,
                search.cost(chosen),
                full,
                full - budget));
      }
      if (unbudgeted.isEmpty()) {
        reasons.add(
            ScalingReason.of(
                "bounds.max",
                "max replicas " + bounds.max() + " cannot meet the ceiling with these options"));
      }
    } else if (Double.isFinite(budget)) {
      reasons.add(
          reason("cost.budget", "$%.2f/h within budget $%.2f/h", search.cost(chosen), budget));
    }
    return Optional.of(describe(chosen, load, need, reasons));
  }

  private CapacityPlan describe(int[] n, double load, double need, List<ScalingReason> reasons) {
    double cost = search.cost(n);
    double capacity = search.capacity(n);
    double utilization = capacity > 0 ? load / capacity : load == 0 ? 0 : Double.POSITIVE_INFINITY;
    boolean meets = search.feasible(n, need, Double.POSITIVE_INFINITY) || load == 0;
    Map<String, Integer> replicas = new LinkedHashMap<>();
    StringBuilder mix = new StringBuilder();
    int total = 0;
    for (int i = 0; i < n.length; i++) {
      replicas.put(options.get(i).name(), n[i]);
      total += n[i];
      if (n[i] > 0) {
        mix.append(mix.length() == 0 ? "" : " + ")
            .append(n[i])
            .append(" x ")
            .append(options.get(i).name());
      }
    }
    String versus =
        onDemandOnly == null
            ? "no on-demand option"
            : onDemandOnly
                .cheapest(need, Double.POSITIVE_INFINITY)
                .map(
                    od ->
                        String.format(Locale.ROOT, "$%.2f/h all on-demand", onDemandOnly.cost(od)))
                .orElse("no all-on-demand plan within " + bounds.max() + " replicas");
    reasons.add(
        reason(
            "cost.plan",
            "%s at $%.2f/h vs %s",
            mix.length() == 0 ? "0 replicas" : mix.toString(),
            cost,
            versus));
    if (meets) {
      reasons.add(
          reason(
              "cost.ceiling",
              "expected utilization %.3f <= ceiling %.2f (load %.2f / effective capacity %.2f rps)",
              utilization,
              ceiling,
              load,
              capacity));
    } else {
      reasons.add(
          reason(
              "cost.ceiling",
              "SLO at risk: expected utilization %.3f above ceiling %.2f by %.3f; %.2f rps of"
                  + " effective capacity short",
              utilization,
              ceiling,
              utilization - ceiling,
              need - capacity));
    }
    if (total == bounds.min() && bounds.min() > 0) {
      reasons.add(ScalingReason.of("bounds.min", "at min replicas " + bounds.min()));
    }
    return new CapacityPlan(
        replicas,
        total,
        cost,
        load,
        capacity,
        utilization,
        capacity * ceiling - load,
        meets,
        reasons);
  }

  private static ScalingReason reason(String rule, String format, Object... args) {
    return ScalingReason.of(rule, String.format(Locale.ROOT, format, args));
  }
}
