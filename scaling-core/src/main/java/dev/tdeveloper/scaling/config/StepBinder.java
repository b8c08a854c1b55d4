package dev.tdeveloper.scaling.config;

import dev.tdeveloper.scaling.autoscale.Metric;
import dev.tdeveloper.scaling.autoscale.ReplicaBounds;
import dev.tdeveloper.scaling.step.AdjustmentType;
import dev.tdeveloper.scaling.step.StepAdjustment;
import dev.tdeveloper.scaling.step.StepPolicy;
import dev.tdeveloper.scaling.step.StepScalingAutoscaler;
import dev.tdeveloper.tenancy.config.Node;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Binds a {@code type: step} autoscaler to {@link StepScalingAutoscaler}. */
final class StepBinder {
  static final List<String> KEYS =
      List.of("metric", "workloadMetric", "cooldown", "warmup", "scaleOut", "scaleIn");

  private static final Map<String, AdjustmentType> TYPES = new LinkedHashMap<>();

  static {
    TYPES.put("ChangeInCapacity", AdjustmentType.CHANGE_IN_CAPACITY);
    TYPES.put("ExactCapacity", AdjustmentType.EXACT_CAPACITY);
    TYPES.put("PercentChangeInCapacity", AdjustmentType.PERCENT_CHANGE_IN_CAPACITY);
  }

  private StepBinder() {}

  static Optional<Recipe> bind(
      TreeReader r, String name, Node.MapNode map, Optional<ReplicaBounds> bounds) {
    boolean perReplica = map.values().containsKey("metric");
    boolean workload = map.values().containsKey("workloadMetric");
    Optional<Metric> metric = Optional.empty();
    if (perReplica && workload) {
      r.problem(
          map.values().get("workloadMetric"),
          "both metric and workloadMetric are set",
          "exactly one of metric (ready replicas' mean) and workloadMetric (workload total)");
    } else if (!perReplica && !workload) {
      r.required(
          map, "metric", "metric or workloadMetric: one of " + TargetTrackingBinder.metricKeys());
    } else {
      metric = TargetTrackingBinder.metric(r, map, perReplica ? "metric" : "workloadMetric");
    }
    Optional<Duration> cooldown = r.duration(map, "cooldown");
    Optional<Duration> warmup = r.duration(map, "warmup");
    boolean ok = map.values().containsKey("cooldown") == cooldown.isPresent();
    ok &= map.values().containsKey("warmup") == warmup.isPresent();
    Optional<StepPolicy> out = policy(r, map, "scaleOut");
    Optional<StepPolicy> in = policy(r, map, "scaleIn");
    ok &= map.values().containsKey("scaleOut") == out.isPresent();
    ok &= map.values().containsKey("scaleIn") == in.isPresent();
    if (out.isEmpty() && in.isEmpty() && ok) {
      r.required(map, "scaleOut", "a scale-out and/or a scale-in policy (scaleIn)");
      ok = false;
    }
    if (!ok || metric.isEmpty() || bounds.isEmpty()) {
      return Optional.empty();
    }
    Metric m = metric.get();
    java.util.function.Supplier<StepScalingAutoscaler> factory =
        () -> {
          StepScalingAutoscaler.Builder b =
              StepScalingAutoscaler.builder().name(name).bounds(bounds.get());
          b = perReplica ? b.metric(m) : b.workloadMetric(m);
          cooldown.ifPresent(b::cooldown);
          warmup.ifPresent(b::warmup);
          out.ifPresent(b::scaleOut);
          in.ifPresent(b::scaleIn);
          return b.build();
        };
    if (r.attempt(map, factory).isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Recipe(bounds.get(), Set.of(m), factory::get));
  }

  private static Optional<StepPolicy> policy(TreeReader r, Node.MapNode parent, String key) {
    Node node = parent.values().get(key);
    if (node == null) {
      return Optional.empty();
    }
    Optional<Node.MapNode> m = r.mapping(node);
    if (m.isEmpty()) {
      return Optional.empty();
    }
    Node.MapNode map = m.get();
    boolean ok =
        r.keys(map, List.of("threshold", "adjustmentType", "minAdjustmentMagnitude", "steps"));
    Optional<Double> threshold =
        r.required(map, "threshold", "a finite number")
            .flatMap(n -> r.number(map, "threshold", "a finite number", v -> true));
    Optional<AdjustmentType> type = r.choice(map, "adjustmentType", TYPES);
    Optional<Integer> magnitude = r.integer(map, "minAdjustmentMagnitude", 0, Integer.MAX_VALUE);
    ok &= map.values().containsKey("adjustmentType") == type.isPresent();
    ok &= map.values().containsKey("minAdjustmentMagnitude") == magnitude.isPresent();
    Optional<Node> stepsNode = r.required(map, "steps", "a list of steps");
    List<StepAdjustment> steps =
        stepsNode.flatMap(r::sequence).flatMap(s -> r.items(s, e -> step(r, e))).orElse(null);
    if (!ok || threshold.isEmpty() || steps == null) {
      return Optional.empty();
    }
    return r.attempt(
        map,
        stepsNode.get(),
        Map.of(),
        () -> {
          StepPolicy.Builder b =
              key.equals("scaleOut")
                  ? StepPolicy.scaleOut(threshold.get())
                  : StepPolicy.scaleIn(threshold.get());
          type.ifPresent(b::adjustmentType);
          magnitude.ifPresent(b::minAdjustmentMagnitude);
          steps.forEach(b::step);
          return b.build();
        });
  }

  private static Optional<StepAdjustment> step(TreeReader r, Node.MapNode m) {
    r.keys(m, List.of("lowerBound", "upperBound", "adjustment"));
    String bound = "a finite number, relative to the threshold (leave out for an open end)";
    Optional<Double> lower = r.number(m, "lowerBound", bound, v -> true);
    Optional<Double> upper = r.number(m, "upperBound", bound, v -> true);
    Optional<Integer> adjustment =
        r.required(m, "adjustment", "a whole number")
            .flatMap(n -> r.integer(m, "adjustment", Integer.MIN_VALUE, Integer.MAX_VALUE));
    boolean ok = m.values().containsKey("lowerBound") == lower.isPresent();
    ok &= m.values().containsKey("upperBound") == upper.isPresent();
    if (!ok || adjustment.isEmpty()) {
      return Optional.empty();
    }
    return r.attempt(
        m,
        () ->
            new StepAdjustment(
                lower.orElse(Double.NEGATIVE_INFINITY),
                upper.orElse(Double.POSITIVE_INFINITY),
                adjustment.get()));
  }
}
