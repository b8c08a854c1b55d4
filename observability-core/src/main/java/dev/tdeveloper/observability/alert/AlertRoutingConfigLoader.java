package dev.tdeveloper.observability.alert;

import dev.tdeveloper.tenancy.config.ConfigException;
import dev.tdeveloper.tenancy.config.ConfigLocation;
import dev.tdeveloper.tenancy.config.ConfigProblem;
import dev.tdeveloper.tenancy.config.Node;
import dev.tdeveloper.tenancy.config.YamlConfigFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Loads the Alertmanager-shaped routing configuration of an {@code alerting.yaml} file ({@code
 * route}, {@code inhibit_rules}, {@code receivers} by name) into an {@link AlertRoutingConfig}; the
 * format is described in {@code docs/alerting-yaml.md}. The file is read by tenancy-core's {@link
 * YamlConfigFiles} with the limits of {@code tenants.yaml} (1 MiB, UTF-8, no aliases or anchors, 32
 * levels, no duplicate keys, one document).
 *
 * <p>A file that parses is checked whole: every bad key or value is reported in one {@link
 * ConfigException} whose {@link ConfigException#problems()} give each one's {@code
 * file:line:column}, field path, value and what is allowed, in file order; an unknown key names the
 * closest known one ("did you mean"). Thread-safe: holds no state.
 */
public final class AlertRoutingConfigLoader {
  /** The keys of the root mapping. */
  static final List<String> SECTIONS = List.of("route", "inhibit_rules", "receivers");

  private AlertRoutingConfigLoader() {}

  /**
   * Loads the file at {@code path}; problems name the file as {@code path.toString()}.
   *
   * @throws ConfigException when the file does not exist or cannot be read, or listing every
   *     problem of its content
   */
  public static AlertRoutingConfig load(Path path) {
    Objects.requireNonNull(path, "path");
    if (!Files.isRegularFile(path)) {
      throw new ConfigException(
          "alerting configuration "
              + path
              + (Files.exists(path) ? " is not a regular file" : " does not exist")
              + "; expected an alerting.yaml file (see docs/alerting-yaml.md)");
    }
    String name = path.toString();
    return bind(name, YamlConfigFiles.parse(name, YamlConfigFiles.read(path)).orElse(null));
  }

  /**
   * Parses YAML text named {@code name} in problems.
   *
   * @throws ConfigException listing every problem of the text
   */
  public static AlertRoutingConfig parse(String name, String text) {
    Objects.requireNonNull(name, "name");
    return bind(name, YamlConfigFiles.parse(name, text).orElse(null));
  }

  private static AlertRoutingConfig bind(String name, Node root) {
    if (root == null) {
      throw new ConfigException(
          new ConfigLocation(name, 1, 1),
          "(root)",
          "the file is empty; expected a mapping with keys " + SECTIONS);
    }
    RoutingTreeReader r = new RoutingTreeReader();
    Optional<Node.MapNode> map = r.mapping(root);
    Map<String, Node> receivers = new LinkedHashMap<>();
    List<InhibitRule> rules = new ArrayList<>();
    Optional<RouteBuilder> route = Optional.empty();
    if (map.isPresent()) {
      r.keys(map.get(), SECTIONS);
      Node rec = map.get().values().get("receivers");
      if (rec == null) {
        r.missing(map.get(), "receivers", "a sequence of {name: ...} entries");
      } else {
        r.sequenceOrEmpty(rec).ifPresent(seq -> receivers(r, seq, receivers));
      }
      Node inh = map.get().values().get("inhibit_rules");
      if (inh != null) {
        r.sequenceOrEmpty(inh)
            .ifPresent(
                seq -> seq.items().forEach(i -> r.mapping(i).ifPresent(m -> rule(r, m, rules))));
      }
      Node rt = map.get().values().get("route");
      if (rt == null) {
        r.missing(map.get(), "route", "the root route: a mapping with at least a receiver");
      } else {
        route = r.mapping(rt).flatMap(m -> new RouteBinder(r, receivers.keySet()).root(m));
      }
    }
    Optional<Route> built =
        route.flatMap(b -> r.attemptAt(map.get().values().get("route"), b::build));
    if (!r.problems().isEmpty()) {
      List<ConfigProblem> problems = new ArrayList<>(r.problems());
      problems.sort(ConfigProblem.IN_FILE_ORDER);
      throw new ConfigException(problems);
    }
    return new AlertRoutingConfig(
        name, built.orElseThrow(), rules, List.copyOf(receivers.keySet()));
  }

  private static void receivers(RoutingTreeReader r, Node.SeqNode seq, Map<String, Node> out) {
    for (Node item : seq.items()) {
      Optional<Node.MapNode> m = r.mapping(item);
      if (m.isEmpty()) {
        continue;
      }
      r.keys(m.get(), List.of("name"));
      Optional<String> name = r.text(m.get(), "name");
      if (name.isEmpty() && !m.get().values().containsKey("name")) {
        r.missing(m.get(), "name", "the receiver's name, bound to notifiers in code");
      }
      name.ifPresent(
          n -> {
            if (out.putIfAbsent(n, m.get().values().get("name")) != null) {
              r.problem(m.get().values().get("name"), "duplicate receiver name", "unique names");
            }
          });
    }
  }

  private static void rule(RoutingTreeReader r, Node.MapNode m, List<InhibitRule> out) {
    r.keys(m, List.of("source_matchers", "target_matchers", "equal"));
    Optional<List<Matcher>> source = r.matchers(m, "source_matchers", true);
    Optional<List<Matcher>> target = r.matchers(m, "target_matchers", true);
    Optional<List<String>> equal = Optional.of(List.of());
    Node eq = m.values().get("equal");
    if (eq != null) {
      equal = r.labelNames(eq, false);
    }
    if (source.isPresent() && target.isPresent() && equal.isPresent()) {
      Set<String> names = new LinkedHashSet<>(equal.get());
      r.attemptAt(m, () -> new InhibitRule(source.get(), target.get(), names)).ifPresent(out::add);
    }
  }
}
