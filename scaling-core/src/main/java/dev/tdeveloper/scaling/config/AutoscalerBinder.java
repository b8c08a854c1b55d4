package dev.tdeveloper.scaling.config;

import dev.tdeveloper.scaling.autoscale.ReplicaBounds;
import dev.tdeveloper.tenancy.config.ConfigProblem;
import dev.tdeveloper.tenancy.config.Node;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Binds the {@code autoscalers:} section: each entry's type, bounds and type-specific keys, its
 * wrappers, and the {@code floor:} references of predictive autoscalers, which must name another
 * autoscaler of the file and must not lead back to themselves. Not thread-safe: one per file.
 */
final class AutoscalerBinder {
  /** The most replicas any count in the file may be: {@value}. */
  static final int MAX_REPLICAS = 1_000_000;

  static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");
  static final List<String> TYPES = List.of("target-tracking", "step", "predictive", "cost-aware");
  private static final List<String> COMMON = List.of("type", "minReplicas", "maxReplicas");

  private final TreeReader r;
  private final Node.MapNode section;
  private final Map<String, Optional<Recipe>> done = new LinkedHashMap<>();
  private final Set<String> visiting = new LinkedHashSet<>();

  AutoscalerBinder(TreeReader r, Node.MapNode section) {
    this.r = r;
    this.section = section;
  }

  /** Binds every entry; the map holds only the entries without problems, in file order. */
  Map<String, Recipe> bindAll() {
    for (String name : section.values().keySet()) {
      if (!NAME.matcher(name).matches()) {
        r.problems.add(
            ConfigProblem.at(
                section.keyLocations().get(name),
                section.childPath(name),
                name,
                "invalid autoscaler name",
                "1 to 63 letters, digits, '.', '_' or '-', starting with a letter or digit"));
      }
      resolve(name);
    }
    Map<String, Recipe> recipes = new LinkedHashMap<>();
    for (String name : section.values().keySet()) {
      done.get(name).ifPresent(recipe -> recipes.put(name, recipe));
    }
    return recipes;
  }

  private Optional<Recipe> resolve(String name) {
    Optional<Recipe> known = done.get(name);
    if (known != null) {
      return known;
    }
    visiting.add(name);
    Optional<Recipe> recipe = r.mapping(section.values().get(name)).flatMap(m -> bind(name, m));
    visiting.remove(name);
    done.put(name, recipe);
    return recipe;
  }

  private Optional<Recipe> bind(String name, Node.MapNode map) {
    Optional<String> type =
        r.required(map, "type", "one of " + TYPES).flatMap(n -> r.choice(map, "type", choices()));
    if (type.isEmpty()) {
      return Optional.empty();
    }
    List<String> allowed = new ArrayList<>(COMMON);
    allowed.addAll(
        switch (type.get()) {
          case "target-tracking" -> TargetTrackingBinder.KEYS;
          case "step" -> StepBinder.KEYS;
          case "predictive" -> PredictiveBinder.PREDICTIVE_KEYS;
          default -> PredictiveBinder.COST_KEYS;
        });
    allowed.addAll(WrapperBinder.KEYS);
    boolean ok = r.keys(map, allowed);
    Optional<ReplicaBounds> bounds = bounds(map, Optional.empty());
    Optional<Recipe> base =
        switch (type.get()) {
          case "target-tracking" -> TargetTrackingBinder.bind(r, map, bounds);
          case "step" -> StepBinder.bind(r, name, map, bounds);
          case "predictive" ->
              PredictiveBinder.predictive(r, map, bounds, node -> floor(node, bounds));
          default -> PredictiveBinder.costAware(r, map, bounds);
        };
    Optional<Recipe> wrapped = base.flatMap(b -> WrapperBinder.wrap(r, name, map, b));
    return ok ? wrapped : Optional.empty();
  }

  private static Map<String, String> choices() {
    Map<String, String> choices = new LinkedHashMap<>();
    TYPES.forEach(t -> choices.put(t, t));
    return choices;
  }

  /**
   * Reads {@code minReplicas} (default: the inherited minimum, else 1) and {@code maxReplicas}
   * (required unless inherited).
   */
  private Optional<ReplicaBounds> bounds(Node.MapNode map, Optional<ReplicaBounds> inherited) {
    Optional<Integer> min = r.integer(map, "minReplicas", 0, MAX_REPLICAS);
    Optional<Integer> max =
        inherited.isPresent()
            ? r.integer(map, "maxReplicas", 1, MAX_REPLICAS)
            : r.required(map, "maxReplicas", "a whole number from 1 to " + MAX_REPLICAS)
                .flatMap(n -> r.integer(map, "maxReplicas", 1, MAX_REPLICAS));
    boolean ok = map.values().containsKey("minReplicas") == min.isPresent();
    ok &= map.values().containsKey("maxReplicas") == max.isPresent();
    if (!ok) {
      return Optional.empty();
    }
    int lo = min.orElse(inherited.map(ReplicaBounds::min).orElse(1));
    Optional<Integer> hi = max.or(() -> inherited.map(ReplicaBounds::max));
    if (hi.isEmpty()) {
      return Optional.empty();
    }
    return r.attempt(map, () -> ReplicaBounds.of(lo, hi.get()));
  }

  /** A predictive autoscaler's floor: another autoscaler's name, or an inline target tracking. */
  private Optional<Recipe> floor(Node node, Optional<ReplicaBounds> bounds) {
    if (node instanceof Node.ScalarNode s) {
      String target = s.value().text();
      if (!section.values().containsKey(target)) {
        List<String> others = new ArrayList<>(section.values().keySet());
        others.removeAll(visiting);
        r.problem(node, "no autoscaler named '" + target + "'", "one of " + others);
        return Optional.empty();
      }
      if (visiting.contains(target)) {
        List<String> cycle = new ArrayList<>(visiting);
        cycle = new ArrayList<>(cycle.subList(cycle.indexOf(target), cycle.size()));
        cycle.add(target);
        r.problem(
            node,
            "the floors form a cycle: " + String.join(" -> ", cycle),
            "a floor that does not lead back to this autoscaler");
        return Optional.empty();
      }
      return resolve(target);
    }
    if (!(node instanceof Node.MapNode map)) {
      r.problem(
          node,
          "expected an autoscaler name or a mapping, got " + node.describe(),
          "the name of another autoscaler, or a target-tracking mapping");
      return Optional.empty();
    }
    List<String> allowed = new ArrayList<>(COMMON);
    allowed.addAll(TargetTrackingBinder.KEYS);
    boolean ok = r.keys(map, allowed);
    Optional<String> type = r.choice(map, "type", Map.of("target-tracking", "target-tracking"));
    ok &= map.values().containsKey("type") == type.isPresent();
    if (bounds.isEmpty()) {
      TargetTrackingBinder.bind(r, map, Optional.empty());
      return Optional.empty();
    }
    Optional<Recipe> inline = TargetTrackingBinder.bind(r, map, bounds(map, bounds));
    return ok ? inline : Optional.empty();
  }
}
