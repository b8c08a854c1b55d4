package dev.tdeveloper.scaling.config;

import dev.tdeveloper.scaling.resilience.DependencyPolicy;
import dev.tdeveloper.scaling.simulation.SimulatedCluster;
import dev.tdeveloper.tenancy.config.ConfigException;
import dev.tdeveloper.tenancy.config.ConfigLocation;
import dev.tdeveloper.tenancy.config.ConfigProblem;
import dev.tdeveloper.tenancy.config.Node;
import dev.tdeveloper.tenancy.config.YamlConfigFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Loads a {@code scaling.yaml} file into a {@link ScalingConfig}; the format is described in {@code
 * docs/scaling-yaml.md}. The file is read by tenancy-core's {@link YamlConfigFiles} with the limits
 * of {@code tenants.yaml} (1 MiB, UTF-8, no aliases or anchors, 32 levels, no duplicate keys, one
 * document).
 *
 * <p>A file that does not parse fails with its syntax error; a file that parses is checked whole,
 * with the autoscalers' own builders, and every bad key or value is reported in one {@link
 * ConfigException} whose {@link ConfigException#problems()} give each one's {@code
 * file:line:column}, field path, value and what is allowed, in file order. Thread-safe: holds no
 * state.
 */
public final class ScalingConfigLoader {
  /** The keys of the root mapping. */
  static final List<String> SECTIONS =
      List.of("autoscalers", "simulation", "alerts", "health", "dependencies");

  private ScalingConfigLoader() {}

  /**
   * Loads the file at {@code path}; problems name the file as {@code path.toString()}.
   *
   * @param path the file
   * @return the configuration
   * @throws ConfigException when the file does not exist or cannot be read, or listing every
   *     problem of its content
   */
  public static ScalingConfig load(Path path) {
    Objects.requireNonNull(path, "path");
    if (!Files.isRegularFile(path)) {
      throw new ConfigException(
          "scaling configuration "
              + path
              + (Files.exists(path) ? " is not a regular file" : " does not exist")
              + "; expected a scaling.yaml file (see docs/scaling-yaml.md)");
    }
    String name = path.toString();
    return bind(name, YamlConfigFiles.parse(name, YamlConfigFiles.read(path)).orElse(null));
  }

  /**
   * Parses YAML text named {@code name} in problems.
   *
   * @param name the name problems give the text, {@code scaling.yaml} for example
   * @param text the YAML text
   * @return the configuration
   * @throws ConfigException listing every problem of the text
   */
  public static ScalingConfig parse(String name, String text) {
    Objects.requireNonNull(name, "name");
    return bind(name, YamlConfigFiles.parse(name, text).orElse(null));
  }

  private static ScalingConfig bind(String name, Node root) {
    if (root == null) {
      throw new ConfigException(
          new ConfigLocation(name, 1, 1),
          "(root)",
          "the file is empty; expected a mapping with keys " + SECTIONS);
    }
    TreeReader r = new TreeReader();
    Map<String, Recipe> autoscalers = new LinkedHashMap<>();
    SimulationSettings simulation = SimulationSettings.defaults();
    AlertSettings alerts = AlertSettings.defaults();
    Optional<Node.MapNode> map = r.mapping(root);
    if (map.isPresent()) {
      r.keys(map.get(), SECTIONS);
      Node section = map.get().values().get("autoscalers");
      if (section != null) {
        Optional<Node.MapNode> m = r.mapping(section);
        if (m.isPresent()) {
          autoscalers = new AutoscalerBinder(r, m.get()).bindAll();
        }
      }
      Node sim = map.get().values().get("simulation");
      if (sim != null) {
        simulation = r.mapping(sim).flatMap(s -> simulation(r, s)).orElse(simulation);
      }
      Node al = map.get().values().get("alerts");
      if (al != null) {
        alerts = r.mapping(al).flatMap(a -> alerts(r, a)).orElse(alerts);
      }
    }
    HealthSettings health = HealthSettings.none();
    Map<String, Supplier<DependencyPolicy.Builder>> dependencies = Map.of();
    if (map.isPresent()) {
      Node h = map.get().values().get("health");
      if (h != null) {
        health = r.mapping(h).flatMap(m -> HaBinder.health(r, m)).orElse(health);
      }
      Node d = map.get().values().get("dependencies");
      if (d != null) {
        dependencies = r.mapping(d).map(m -> HaBinder.dependencies(r, m)).orElse(dependencies);
      }
    }
    if (!r.problems.isEmpty()) {
      List<ConfigProblem> problems = new ArrayList<>(r.problems);
      problems.sort(ConfigProblem.IN_FILE_ORDER);
      throw new ConfigException(problems);
    }
    return new ScalingConfig(name, autoscalers, simulation, alerts, health, dependencies);
  }

  private static Optional<SimulationSettings> simulation(TreeReader r, Node.MapNode m) {
    SimulationSettings d = SimulationSettings.defaults();
    int before = r.problems.size();
    r.keys(
        m,
        List.of(
            "startup",
            "capacityPerReplica",
            "costPerReplicaHour",
            "maxReplicas",
            "decisionInterval",
            "initialReplicas",
            "flapWindow"));
    SimulationSettings s =
        new SimulationSettings(
            r.duration(m, "startup").orElse(d.startup()),
            r.number(m, "capacityPerReplica", "a finite number > 0", v -> v > 0)
                .orElse(d.capacityPerReplica()),
            r.number(m, "costPerReplicaHour", "a finite number >= 0", v -> v >= 0)
                .orElse(d.costPerReplicaHour()),
            r.integer(m, "maxReplicas", 1, AutoscalerBinder.MAX_REPLICAS).orElse(d.maxReplicas()),
            r.duration(m, "decisionInterval").orElse(d.decisionInterval()),
            r.integer(m, "initialReplicas", 0, AutoscalerBinder.MAX_REPLICAS)
                .orElse(d.initialReplicas()),
            r.duration(m, "flapWindow").orElse(d.flapWindow()));
    if (r.problems.size() > before) {
      return Optional.empty();
    }
    Map<String, String> aliases = Map.of("startupDelay", "startup");
    return r.attempt(
            m,
            m,
            aliases,
            () -> {
              SimulatedCluster.Builder cluster = s.cluster("check", Instant::now);
              cluster.build();
              return s.simulator().build();
            })
        .map(ok -> s);
  }

  private static Optional<AlertSettings> alerts(TreeReader r, Node.MapNode m) {
    AlertSettings d = AlertSettings.defaults();
    int before = r.problems.size();
    r.keys(m, List.of("atMaxFor", "flapping", "missingMetricDecisions"));
    Duration atMax = r.duration(m, "atMaxFor").orElse(d.atMaxFor());
    int reversals = d.maxReversals();
    Duration window = d.flapWindow();
    Node flapping = m.values().get("flapping");
    if (flapping != null) {
      Optional<Node.MapNode> f = r.mapping(flapping);
      if (f.isPresent()) {
        r.keys(f.get(), List.of("maxReversals", "window"));
        reversals = r.integer(f.get(), "maxReversals", 0, Integer.MAX_VALUE).orElse(reversals);
        window = r.duration(f.get(), "window").orElse(window);
        if (window.isZero()) {
          r.problem(f.get().values().get("window"), "invalid value", "a duration above zero");
        }
      }
    }
    int missing = r.integer(m, "missingMetricDecisions", 1, Integer.MAX_VALUE).orElse(3);
    if (r.problems.size() > before) {
      return Optional.empty();
    }
    AlertSettings a = new AlertSettings(atMax, reversals, window, missing);
    return r.attempt(m, () -> a.builder(Instant::now).build()).map(ok -> a);
  }
}
