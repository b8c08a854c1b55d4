package dev.tdeveloper.scaling.config;

import dev.tdeveloper.scaling.autoscale.Metric;
import dev.tdeveloper.scaling.autoscale.ReplicaBounds;
import dev.tdeveloper.scaling.cost.CapacityOption;
import dev.tdeveloper.scaling.cost.CostAwareAutoscaler;
import dev.tdeveloper.scaling.cost.CostAwareAutoscalerBuilder;
import dev.tdeveloper.scaling.predictive.PredictiveAutoscaler;
import dev.tdeveloper.scaling.predictive.PredictiveAutoscalerBuilder;
import dev.tdeveloper.scaling.predictive.PredictiveMode;
import dev.tdeveloper.tenancy.config.Node;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Binds {@code type: predictive} to {@link PredictiveAutoscaler} (its {@code floor:} resolved by
 * the caller) and {@code type: cost-aware} to {@link CostAwareAutoscaler}.
 */
final class PredictiveBinder {
  static final List<String> PREDICTIVE_KEYS =
      List.of(
          "floor",
          "capacityPerReplica",
          "targetUtilization",
          "startup",
          "schedulingBuffer",
          "decisionInterval",
          "refreshInterval",
          "horizon",
          "bucket",
          "retention",
          "errorWindow",
          "mode");
  static final List<String> COST_KEYS =
      List.of("options", "ceiling", "minOnDemandShare", "budgetPerHour");

  private static final Map<String, PredictiveMode> MODES = new LinkedHashMap<>();
  private static final Map<String, CapacityOption.Pricing> PRICING = new LinkedHashMap<>();
  private static final Map<String, BiConsumer<PredictiveAutoscalerBuilder, Duration>> DURATIONS =
      new LinkedHashMap<>();

  static {
    MODES.put("scale-out", PredictiveMode.SCALE_OUT);
    MODES.put("forecast-only", PredictiveMode.FORECAST_ONLY);
    PRICING.put("on-demand", CapacityOption.Pricing.ON_DEMAND);
    PRICING.put("spot", CapacityOption.Pricing.SPOT);
    DURATIONS.put("startup", PredictiveAutoscalerBuilder::startupTime);
    DURATIONS.put("schedulingBuffer", PredictiveAutoscalerBuilder::schedulingBuffer);
    DURATIONS.put("decisionInterval", PredictiveAutoscalerBuilder::decisionInterval);
    DURATIONS.put("refreshInterval", PredictiveAutoscalerBuilder::refreshInterval);
    DURATIONS.put("horizon", PredictiveAutoscalerBuilder::horizon);
    DURATIONS.put("bucket", PredictiveAutoscalerBuilder::bucket);
    DURATIONS.put("retention", PredictiveAutoscalerBuilder::retention);
    DURATIONS.put("errorWindow", PredictiveAutoscalerBuilder::errorWindow);
  }

  private PredictiveBinder() {}

  /**
   * Binds a predictive autoscaler; {@code floor} resolves the {@code floor:} node (a name or an
   * inline target-tracking mapping) to its recipe, reporting its own problems.
   */
  static Optional<Recipe> predictive(
      TreeReader r,
      Node.MapNode map,
      Optional<ReplicaBounds> bounds,
      Function<Node, Optional<Recipe>> floor) {
    Optional<Recipe> reactive =
        r.required(map, "floor", "the name of another autoscaler, or a target-tracking mapping")
            .flatMap(floor);
    boolean ok = map.values().containsKey("floor") && reactive.isPresent();
    Optional<Double> capacity =
        r.required(map, "capacityPerReplica", "a finite number > 0 (req/s)")
            .flatMap(n -> r.number(map, "capacityPerReplica", "a finite number > 0", v -> v > 0));
    Optional<Double> utilization =
        r.number(map, "targetUtilization", "a fraction in (0, 1]", v -> v > 0 && v <= 1);
    Optional<PredictiveMode> mode = r.choice(map, "mode", MODES);
    ok &= capacity.isPresent();
    ok &= map.values().containsKey("targetUtilization") == utilization.isPresent();
    ok &= map.values().containsKey("mode") == mode.isPresent();
    Map<String, Duration> durations = new LinkedHashMap<>();
    for (String key : DURATIONS.keySet()) {
      Optional<Duration> d = r.duration(map, key);
      d.ifPresent(v -> durations.put(key, v));
      ok &= map.values().containsKey(key) == d.isPresent();
    }
    if (!ok || bounds.isEmpty()) {
      return Optional.empty();
    }
    Supplier<PredictiveAutoscaler> factory =
        () -> {
          PredictiveAutoscalerBuilder b =
              PredictiveAutoscaler.builder()
                  .reactive(reactive.get().build())
                  .bounds(bounds.get())
                  .capacityPerReplica(capacity.get());
          utilization.ifPresent(b::targetUtilization);
          mode.ifPresent(b::mode);
          durations.forEach((key, d) -> DURATIONS.get(key).accept(b, d));
          return b.build();
        };
    if (r.attempt(map, map, Map.of("startupTime", "startup"), factory).isEmpty()) {
      return Optional.empty();
    }
    Set<Metric> used = EnumSet.of(Metric.REQUESTS_PER_SECOND);
    used.addAll(reactive.get().metrics());
    return Optional.of(new Recipe(bounds.get(), used, factory::get));
  }

  static Optional<Recipe> costAware(
      TreeReader r, Node.MapNode map, Optional<ReplicaBounds> bounds) {
    Optional<Node.MapNode> optionsNode =
        r.required(map, "options", "a mapping of capacity options by name").flatMap(r::mapping);
    List<CapacityOption> options = optionsNode.map(m -> options(r, m)).orElse(null);
    Optional<Double> ceiling =
        r.number(map, "ceiling", "a fraction in (0, 1]", v -> v > 0 && v <= 1);
    Optional<Double> share =
        r.number(map, "minOnDemandShare", "a fraction in [0, 1]", v -> v >= 0 && v <= 1);
    Optional<Double> budget = r.number(map, "budgetPerHour", "a finite number > 0", v -> v > 0);
    boolean ok = map.values().containsKey("ceiling") == ceiling.isPresent();
    ok &= map.values().containsKey("minOnDemandShare") == share.isPresent();
    ok &= map.values().containsKey("budgetPerHour") == budget.isPresent();
    if (!ok || options == null || bounds.isEmpty()) {
      return Optional.empty();
    }
    Supplier<CostAwareAutoscaler> factory =
        () -> {
          CostAwareAutoscalerBuilder b = CostAwareAutoscaler.builder().bounds(bounds.get());
          options.forEach(b::option);
          ceiling.ifPresent(b::utilizationCeiling);
          share.ifPresent(b::minOnDemandShare);
          budget.ifPresent(b::budgetPerHour);
          return b.build();
        };
    if (r.attempt(map, map, Map.of("option:", "options:"), factory).isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Recipe(bounds.get(), Set.of(Metric.REQUESTS_PER_SECOND), factory::get));
  }

  /** The options, or null when any is bad. */
  private static List<CapacityOption> options(TreeReader r, Node.MapNode map) {
    if (map.values().isEmpty()) {
      r.problem(map, "no capacity option", "at least one option");
      return null;
    }
    List<CapacityOption> options = new ArrayList<>();
    boolean ok = true;
    for (Map.Entry<String, Node> e : map.values().entrySet()) {
      Optional<CapacityOption> o = r.mapping(e.getValue()).flatMap(m -> option(r, e.getKey(), m));
      o.ifPresent(options::add);
      ok &= o.isPresent();
    }
    return ok ? options : null;
  }

  private static Optional<CapacityOption> option(TreeReader r, String name, Node.MapNode m) {
    boolean ok =
        r.keys(
            m,
            List.of(
                "pricing", "pricePerReplicaHour", "capacityPerReplica", "interruptionRatePerHour"));
    Optional<CapacityOption.Pricing> pricing =
        r.required(m, "pricing", "one of " + PRICING.keySet())
            .flatMap(n -> r.choice(m, "pricing", PRICING));
    Optional<Double> price =
        r.required(m, "pricePerReplicaHour", "a finite number >= 0")
            .flatMap(n -> r.number(m, "pricePerReplicaHour", "a finite number >= 0", v -> v >= 0));
    Optional<Double> capacity =
        r.required(m, "capacityPerReplica", "a finite number > 0")
            .flatMap(n -> r.number(m, "capacityPerReplica", "a finite number > 0", v -> v > 0));
    Optional<Double> rate =
        r.number(m, "interruptionRatePerHour", "a fraction in [0, 1]", v -> v >= 0 && v <= 1);
    ok &= m.values().containsKey("interruptionRatePerHour") == rate.isPresent();
    if (!ok || pricing.isEmpty() || price.isEmpty() || capacity.isEmpty()) {
      return Optional.empty();
    }
    return r.attempt(
        m,
        () ->
            new CapacityOption(name, pricing.get(), price.get(), capacity.get(), rate.orElse(0.0)));
  }
}
