package dev.tdeveloper.observability.slo;

import dev.tdeveloper.observability.Labels;
import dev.tdeveloper.observability.alert.Severity;
import dev.tdeveloper.tenancy.config.ConfigException;
import dev.tdeveloper.tenancy.config.ConfigLocation;
import dev.tdeveloper.tenancy.config.ConfigProblem;
import dev.tdeveloper.tenancy.config.Node;
import dev.tdeveloper.tenancy.config.YamlConfigFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Loads a {@code slos.yaml} file into a {@link SloConfig}, read by tenancy-core's {@link
 * YamlConfigFiles} with the limits of {@code tenants.yaml}. The file has a mapping {@code slos}
 * from SLO id to its settings ({@code description}, {@code objective}, {@code window} of 7d, 28d or
 * 30d, {@code sli} ratio or latency, {@code latencyThreshold}, {@code budgeting} occurrences or
 * timeslices, {@code timeslice}, {@code sliceTarget}, {@code labels}) and an optional sequence
 * {@code alerts} of burn-rate rules ({@code severity} critical/page or warning/ticket, {@code
 * factor}, {@code longWindow}, {@code shortWindow}, {@code for}) written for a 30-day window that
 * replaces the standard set, scaled to each SLO's window.
 *
 * <p>Every bad key or value is reported, each with its {@code file:line:column}, field path, value
 * and what is allowed, in one {@link ConfigException}; an unknown key names the nearest allowed
 * one. Thread-safe: holds no state.
 */
public final class SloConfigLoader {
  static final List<String> ROOT_KEYS = List.of("slos", "alerts");
  static final List<String> SLO_KEYS =
      List.of(
          "description",
          "objective",
          "window",
          "sli",
          "latencyThreshold",
          "budgeting",
          "timeslice",
          "sliceTarget",
          "labels");
  static final List<String> RULE_KEYS =
      List.of("severity", "factor", "longWindow", "shortWindow", "for");

  private SloConfigLoader() {}

  /**
   * Loads the file at {@code path}; problems name the file as {@code path.toString()}.
   *
   * @throws ConfigException when the file does not exist or cannot be read, or listing every
   *     problem of its content
   */
  public static SloConfig load(Path path) {
    Objects.requireNonNull(path, "path");
    if (!Files.isRegularFile(path)) {
      throw new ConfigException(
          "SLO configuration "
              + path
              + (Files.exists(path) ? " is not a regular file" : " does not exist")
              + "; expected a slos.yaml file");
    }
    String name = path.toString();
    return bind(name, YamlConfigFiles.parse(name, YamlConfigFiles.read(path)));
  }

  /**
   * Parses YAML text named {@code name} in problems.
   *
   * @throws ConfigException listing every problem of the text
   */
  public static SloConfig parse(String name, String text) {
    Objects.requireNonNull(name, "name");
    return bind(name, YamlConfigFiles.parse(name, text));
  }

  private static SloConfig bind(String name, Optional<Node> root) {
    if (root.isEmpty()) {
      throw new ConfigException(
          new ConfigLocation(name, 1, 1),
          "(root)",
          "the file is empty; expected a mapping with keys " + ROOT_KEYS);
    }
    SloTreeReader r = new SloTreeReader();
    Optional<Node.MapNode> map = r.mappingOrEmpty(root.get());
    List<Slo> slos = new ArrayList<>();
    Optional<BurnRateAlertSet> alerts = Optional.empty();
    if (map.isPresent()) {
      r.keys(map.get(), ROOT_KEYS);
      Node alertsNode = map.get().values().get("alerts");
      boolean alertsOk = true;
      if (alertsNode != null) {
        alerts = r.sequence(alertsNode).flatMap(seq -> alertSet(r, seq));
        alertsOk = alerts.isPresent();
      }
      Optional<Node> slosNode = r.required(map.get(), "slos", "a mapping from SLO id to settings");
      Optional<Node.MapNode> slosMap = slosNode.flatMap(r::mappingOrEmpty);
      if (slosMap.isPresent()) {
        if (slosMap.get().values().isEmpty()) {
          r.problem(slosMap.get(), "no SLO is defined", "at least one SLO id with its settings");
        }
        for (Map.Entry<String, Node> e : slosMap.get().values().entrySet()) {
          Optional<BurnRateAlertSet> set = alertsOk ? alerts : Optional.empty();
          r.mappingOrEmpty(e.getValue())
              .flatMap(m -> slo(r, e.getKey(), slosMap.get(), m, set))
              .ifPresent(slos::add);
        }
      }
    }
    if (!r.problems().isEmpty()) {
      List<ConfigProblem> problems = new ArrayList<>(r.problems());
      problems.sort(ConfigProblem.IN_FILE_ORDER);
      throw new ConfigException(problems);
    }
    return new SloConfig(name, slos, alerts);
  }

  private static Optional<BurnRateAlertSet> alertSet(SloTreeReader r, Node.SeqNode seq) {
    Optional<List<BurnRateRule>> rules = r.items(seq, m -> rule(r, m));
    return rules.flatMap(list -> r.attempt(seq, () -> new BurnRateAlertSet(list)));
  }

  private static Optional<BurnRateRule> rule(SloTreeReader r, Node.MapNode m) {
    int before = r.problems().size();
    r.keys(m, RULE_KEYS);
    Map<String, Severity> severities = new LinkedHashMap<>();
    severities.put("critical", Severity.CRITICAL);
    severities.put("page", Severity.CRITICAL);
    severities.put("warning", Severity.WARNING);
    severities.put("ticket", Severity.WARNING);
    Optional<Severity> severity =
        r.required(m, "severity", "one of " + severities.keySet())
            .flatMap(n -> r.choice(m, "severity", severities));
    Optional<Double> factor =
        r.required(m, "factor", "a number above 0")
            .flatMap(n -> r.number(m, "factor", "a number above 0", v -> v > 0));
    Optional<Duration> longWindow =
        r.required(m, "longWindow", Windows.ALLOWED).flatMap(n -> r.duration(m, "longWindow"));
    Optional<Duration> shortWindow =
        r.required(m, "shortWindow", Windows.ALLOWED).flatMap(n -> r.duration(m, "shortWindow"));
    Duration forDuration = r.duration(m, "for").orElse(Duration.ZERO);
    if (r.problems().size() > before) {
      return Optional.empty();
    }
    return r.attempt(
        m,
        () ->
            new BurnRateRule(
                severity.orElseThrow(),
                factor.orElseThrow(),
                longWindow.orElseThrow(),
                shortWindow.orElseThrow(),
                forDuration));
  }

  private static Optional<Slo> slo(
      SloTreeReader r,
      String id,
      Node.MapNode parent,
      Node.MapNode m,
      Optional<BurnRateAlertSet> alerts) {
    int before = r.problems().size();
    Optional<SloBuilder> started = r.attemptAt(keyNode(parent, id), () -> Slo.builder(id));
    r.keys(m, SLO_KEYS);
    Optional<String> description = r.string(m, "description");
    String objectiveRule = "a number above 0 and below 1, such as 0.999";
    Optional<Double> objective =
        r.required(m, "objective", objectiveRule)
            .flatMap(n -> r.number(m, "objective", objectiveRule, v -> v > 0 && v < 1));
    Optional<Duration> window = r.duration(m, "window");
    window
        .filter(
            w ->
                w.toNanos() % Duration.ofDays(1).toNanos() != 0
                    || !Slo.WINDOW_DAYS.contains((int) w.toDays()))
        .ifPresent(w -> r.problem(m.values().get("window"), "invalid value", "7d, 28d or 30d"));
    SliKind sli =
        r.choice(m, "sli", Map.of("ratio", SliKind.RATIO, "latency", SliKind.LATENCY))
            .orElse(SliKind.RATIO);
    Optional<Duration> threshold = r.duration(m, "latencyThreshold");
    BudgetingMethod budgeting =
        r.choice(
                m,
                "budgeting",
                Map.of(
                    "occurrences", BudgetingMethod.OCCURRENCES,
                    "timeslices", BudgetingMethod.TIMESLICES))
            .orElse(BudgetingMethod.OCCURRENCES);
    Optional<Duration> timeslice = r.duration(m, "timeslice");
    Optional<Double> sliceTarget =
        r.number(m, "sliceTarget", "a number above 0, at most 1", v -> v > 0 && v <= 1);
    if (sli == SliKind.LATENCY) {
      r.required(m, "latencyThreshold", "a positive duration such as 300ms");
    } else {
      r.onlyWith(m, "latencyThreshold", "sli: latency");
    }
    if (budgeting == BudgetingMethod.TIMESLICES) {
      r.required(m, "timeslice", Slo.SLICE_RULE);
      r.required(m, "sliceTarget", "a number above 0, at most 1");
    } else {
      r.onlyWith(m, "timeslice", "budgeting: timeslices");
      r.onlyWith(m, "sliceTarget", "budgeting: timeslices");
    }
    if (sli == SliKind.LATENCY && threshold.isPresent()) {
      r.attemptAt(
          m.values().get("latencyThreshold"), () -> Slo.builder(id).latency(threshold.get()));
    }
    if (budgeting == BudgetingMethod.TIMESLICES
        && timeslice.isPresent()
        && sliceTarget.isPresent()) {
      r.attemptAt(
          m.values().get("timeslice"),
          () -> Slo.builder(id).timeslices(timeslice.get(), sliceTarget.get()));
    }
    Optional<Labels> labels = labels(r, m);
    if (r.problems().size() > before || started.isEmpty()) {
      return Optional.empty();
    }
    SloBuilder b = started.get();
    description.ifPresent(b::description);
    b.objective(objective.orElseThrow());
    Optional<Duration> w = window;
    if (w.isPresent()) {
      b.windowDays((int) w.get().toDays());
    }
    if (sli == SliKind.LATENCY) {
      b.latency(threshold.orElseThrow());
    }
    if (budgeting == BudgetingMethod.TIMESLICES) {
      b.timeslices(timeslice.orElseThrow(), sliceTarget.orElseThrow());
    }
    labels.ifPresent(b::labels);
    Duration sloWindow = w.orElse(Duration.ofDays(BurnRateAlertSet.STANDARD_WINDOW_DAYS));
    if (alerts.isPresent()) {
      b.alerts(alerts.get().scaledTo(sloWindow));
    }
    return r.attempt(m, b::build);
  }

  private static Optional<Labels> labels(SloTreeReader r, Node.MapNode m) {
    Node node = m.values().get("labels");
    if (node == null) {
      return Optional.empty();
    }
    Optional<Node.MapNode> map = r.mappingOrEmpty(node);
    if (map.isEmpty()) {
      return Optional.empty();
    }
    Map<String, String> values = new LinkedHashMap<>();
    boolean ok = true;
    for (String key : map.get().values().keySet()) {
      Optional<String> v = r.string(map.get(), key);
      ok &= v.isPresent();
      v.ifPresent(s -> values.put(key, s));
    }
    if (!ok) {
      return Optional.empty();
    }
    return r.attemptAt(node, () -> checkLabels(Labels.of(values)));
  }

  private static Labels checkLabels(Labels labels) {
    return Slo.builder("check").labels(labels).objective(0.5).build().labels();
  }

  private static Node keyNode(Node.MapNode parent, String key) {
    ConfigLocation at = parent.keyLocations().get(key);
    return new Node.ScalarNode(
        parent.childPath(key),
        at,
        new dev.tdeveloper.tenancy.config.Scalar(
            dev.tdeveloper.tenancy.config.Scalar.Kind.STRING, key));
  }
}
