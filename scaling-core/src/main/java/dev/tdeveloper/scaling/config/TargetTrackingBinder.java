package dev.tdeveloper.scaling.config;

import dev.tdeveloper.scaling.autoscale.Metric;
import dev.tdeveloper.scaling.autoscale.ReplicaBounds;
import dev.tdeveloper.scaling.hpa.MetricTarget;
import dev.tdeveloper.scaling.hpa.ScalingBehavior;
import dev.tdeveloper.scaling.hpa.ScalingPolicy;
import dev.tdeveloper.scaling.hpa.ScalingRules;
import dev.tdeveloper.scaling.hpa.SelectPolicy;
import dev.tdeveloper.scaling.hpa.TargetTrackingAutoscaler;
import dev.tdeveloper.tenancy.config.Node;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Binds a {@code type: target-tracking} autoscaler to {@link TargetTrackingAutoscaler}. */
final class TargetTrackingBinder {
  static final List<String> KEYS = List.of("metrics", "tolerance", "behavior");

  private static final Map<String, MetricTarget.Kind> KINDS = new LinkedHashMap<>();
  private static final Map<String, SelectPolicy> SELECT = new LinkedHashMap<>();
  private static final Map<String, ScalingPolicy.Type> POLICY_TYPES = new LinkedHashMap<>();

  static {
    KINDS.put("utilization", MetricTarget.Kind.UTILIZATION);
    KINDS.put("averageValue", MetricTarget.Kind.AVERAGE_VALUE);
    KINDS.put("workloadValue", MetricTarget.Kind.WORKLOAD_VALUE);
    KINDS.put("workloadAverageValue", MetricTarget.Kind.WORKLOAD_AVERAGE_VALUE);
    SELECT.put("Max", SelectPolicy.MAX);
    SELECT.put("Min", SelectPolicy.MIN);
    SELECT.put("Disabled", SelectPolicy.DISABLED);
    POLICY_TYPES.put("Pods", ScalingPolicy.Type.PODS);
    POLICY_TYPES.put("Percent", ScalingPolicy.Type.PERCENT);
  }

  private TargetTrackingBinder() {}

  /** Binds {@code map}'s target-tracking keys; empty when any of them (or the bounds) is bad. */
  static Optional<Recipe> bind(TreeReader r, Node.MapNode map, Optional<ReplicaBounds> bounds) {
    List<MetricTarget> targets = metrics(r, map);
    double[] tolerance = tolerance(r, map);
    Optional<ScalingBehavior> behavior = Optional.empty();
    boolean behaviorOk = true;
    Node behaviorNode = map.values().get("behavior");
    if (behaviorNode != null) {
      behavior = behavior(r, behaviorNode);
      behaviorOk = behavior.isPresent();
    }
    if (bounds.isEmpty() || targets == null || tolerance == null || !behaviorOk) {
      return Optional.empty();
    }
    ScalingBehavior chosen = behavior.orElse(null);
    TargetTrackingAutoscaler.Builder check = builder(bounds.get(), targets, tolerance, chosen);
    if (r.attempt(map, check::build).isEmpty()) {
      return Optional.empty();
    }
    Set<Metric> used = EnumSet.noneOf(Metric.class);
    targets.forEach(t -> used.add(t.metric()));
    return Optional.of(
        new Recipe(
            bounds.get(), used, () -> builder(bounds.get(), targets, tolerance, chosen).build()));
  }

  private static TargetTrackingAutoscaler.Builder builder(
      ReplicaBounds bounds, List<MetricTarget> targets, double[] tolerance, ScalingBehavior b) {
    TargetTrackingAutoscaler.Builder builder =
        TargetTrackingAutoscaler.builder()
            .bounds(bounds)
            .scaleUpTolerance(tolerance[0])
            .scaleDownTolerance(tolerance[1]);
    targets.forEach(builder::metric);
    return b == null ? builder : builder.behavior(b);
  }

  /** The targets, or null when any is bad. */
  private static List<MetricTarget> metrics(TreeReader r, Node.MapNode map) {
    Optional<Node> node = r.required(map, "metrics", "a list of metric targets");
    Optional<Node.SeqNode> seq = node.flatMap(r::sequence);
    if (seq.isEmpty()) {
      return null;
    }
    if (seq.get().items().isEmpty()) {
      r.problem(seq.get(), "no metric target", "at least one metric target");
      return null;
    }
    return r.items(seq.get(), e -> target(r, e)).orElse(null);
  }

  private static Optional<MetricTarget> target(TreeReader r, Node.MapNode m) {
    r.keys(m, List.of("type", "metric", "target"));
    Optional<MetricTarget.Kind> kind =
        r.required(m, "type", "one of " + KINDS.keySet()).flatMap(n -> r.choice(m, "type", KINDS));
    Optional<Metric> metric = metric(r, m, "metric");
    Optional<Double> target =
        r.required(m, "target", "a finite number > 0")
            .flatMap(n -> r.number(m, "target", "a finite number > 0", v -> v > 0));
    if (kind.isEmpty()
        || target.isEmpty()
        || m.values().containsKey("metric") && metric.isEmpty()) {
      return Optional.empty();
    }
    if (metric.isEmpty() && kind.get() != MetricTarget.Kind.UTILIZATION) {
      r.required(m, "metric", "one of " + metricKeys());
      return Optional.empty();
    }
    Metric chosen = metric.orElse(Metric.UTILIZATION);
    return r.attempt(
        m,
        m.values().getOrDefault("metric", m),
        Map.of(),
        () -> new MetricTarget(kind.get(), chosen, target.get()));
  }

  /** Reads a metric name; an unknown one is reported with the allowed names. */
  static Optional<Metric> metric(TreeReader r, Node.MapNode m, String key) {
    Node node = m.values().get(key);
    if (node == null) {
      return Optional.empty();
    }
    if (node instanceof Node.ScalarNode s) {
      return r.attemptAt(node, () -> Metric.parse(s.value().text()));
    }
    r.problem(node, "expected a metric name, got " + node.describe(), "one of " + metricKeys());
    return Optional.empty();
  }

  static List<String> metricKeys() {
    return java.util.Arrays.stream(Metric.values()).map(Metric::key).toList();
  }

  /** {up, down}, or null when bad. A number sets both; a mapping {@code up}/{@code down}. */
  private static double[] tolerance(TreeReader r, Node.MapNode map) {
    double d = TargetTrackingAutoscaler.DEFAULT_TOLERANCE;
    Node node = map.values().get("tolerance");
    String allowed = "a fraction in [0, 1), such as 0.1";
    if (node == null) {
      return new double[] {d, d};
    }
    if (node instanceof Node.MapNode m) {
      r.keys(m, List.of("up", "down"));
      Optional<Double> up = r.number(m, "up", allowed, v -> v >= 0 && v < 1);
      Optional<Double> down = r.number(m, "down", allowed, v -> v >= 0 && v < 1);
      boolean bad = m.values().containsKey("up") && up.isEmpty();
      bad |= m.values().containsKey("down") && down.isEmpty();
      return bad ? null : new double[] {up.orElse(d), down.orElse(d)};
    }
    return r.number(map, "tolerance", allowed + ", or a mapping {up, down}", v -> v >= 0 && v < 1)
        .map(v -> new double[] {v, v})
        .orElse(null);
  }

  private static Optional<ScalingBehavior> behavior(TreeReader r, Node node) {
    Optional<Node.MapNode> m = r.mapping(node);
    if (m.isEmpty() || !r.keys(m.get(), List.of("scaleUp", "scaleDown"))) {
      return Optional.empty();
    }
    Optional<ScalingRules> up = rules(r, m.get(), "scaleUp", ScalingRules.defaultScaleUp());
    Optional<ScalingRules> down = rules(r, m.get(), "scaleDown", ScalingRules.defaultScaleDown());
    return up.isPresent() && down.isPresent()
        ? Optional.of(new ScalingBehavior(up.get(), down.get()))
        : Optional.empty();
  }

  /** One direction: each field left out keeps the HPA default of that direction. */
  private static Optional<ScalingRules> rules(
      TreeReader r, Node.MapNode behavior, String key, ScalingRules defaults) {
    Node node = behavior.values().get(key);
    if (node == null) {
      return Optional.of(defaults);
    }
    Optional<Node.MapNode> m = r.mapping(node);
    if (m.isEmpty()) {
      return Optional.empty();
    }
    Node.MapNode map = m.get();
    boolean ok = r.keys(map, List.of("stabilizationWindow", "selectPolicy", "policies"));
    Optional<Duration> window = r.duration(map, "stabilizationWindow");
    Optional<SelectPolicy> select = r.choice(map, "selectPolicy", SELECT);
    ok &= map.values().containsKey("stabilizationWindow") == window.isPresent();
    ok &= map.values().containsKey("selectPolicy") == select.isPresent();
    List<ScalingPolicy> policies = defaults.policies();
    if (map.values().containsKey("policies")) {
      policies = policies(r, map.values().get("policies"));
      ok &= policies != null;
    }
    if (!ok) {
      return Optional.empty();
    }
    List<ScalingPolicy> chosen = policies;
    return r.attempt(
        map,
        () ->
            new ScalingRules(
                window.orElse(defaults.stabilizationWindow()),
                select.orElse(defaults.selectPolicy()),
                chosen));
  }

  private static List<ScalingPolicy> policies(TreeReader r, Node node) {
    return r.sequence(node).flatMap(seq -> r.items(seq, e -> policy(r, e))).orElse(null);
  }

  private static Optional<ScalingPolicy> policy(TreeReader r, Node.MapNode m) {
    r.keys(m, List.of("type", "value", "period"));
    Optional<ScalingPolicy.Type> type =
        r.required(m, "type", "one of " + POLICY_TYPES.keySet())
            .flatMap(n -> r.choice(m, "type", POLICY_TYPES));
    Optional<Integer> value =
        r.required(m, "value", "a whole number >= 1")
            .flatMap(n -> r.integer(m, "value", 1, Integer.MAX_VALUE));
    Optional<Duration> period =
        r.required(m, "period", TreeReader.DURATION).flatMap(n -> r.duration(m, "period"));
    if (type.isEmpty() || value.isEmpty() || period.isEmpty()) {
      return Optional.empty();
    }
    return r.attempt(m, () -> new ScalingPolicy(type.get(), value.get(), period.get()));
  }
}
