package dev.tdeveloper.observability.slo;

import dev.tdeveloper.tenancy.config.ConfigProblem;
import dev.tdeveloper.tenancy.config.Node;
import dev.tdeveloper.tenancy.config.Scalar;
import dev.tdeveloper.tenancy.internal.Texts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Typed reads of a {@code slos.yaml} tree that record a located {@link ConfigProblem} for every bad
 * key or value instead of stopping at the first, and turn a builder's exception into a problem at
 * the node it concerns. Not thread-safe: one per file.
 */
final class SloTreeReader {
  static final String DURATION = "a duration such as 300ms, 30s, 5m, 1h, 30d or PT5M";

  final List<ConfigProblem> problems = new ArrayList<>();

  void problem(Node node, String problem, String allowed) {
    String value = node instanceof Node.ScalarNode s ? s.value().text() : node.describe();
    problems.add(ConfigProblem.at(node.location(), node.shownPath(), value, problem, allowed));
  }

  /**
   * Runs a builder step; its {@link IllegalArgumentException} or {@link IllegalStateException}
   * becomes a problem at {@code at}, split into problem and allowed at {@code "; allowed: "}.
   */
  <T> Optional<T> attemptAt(Node at, Supplier<T> step) {
    try {
      return Optional.of(step.get());
    } catch (IllegalArgumentException | IllegalStateException e) {
      String message = String.valueOf(e.getMessage());
      int cut = message.indexOf("; allowed: ");
      if (cut < 0) {
        problem(at, message, "see the slos.yaml format in SloConfigLoader");
      } else {
        problem(at, message.substring(0, cut), message.substring(cut + "; allowed: ".length()));
      }
      return Optional.empty();
    }
  }

  /** Runs a builder step, reporting its exception at the entry of {@code map} its message names. */
  <T> Optional<T> attempt(Node map, Supplier<T> step) {
    try {
      return Optional.of(step.get());
    } catch (IllegalArgumentException | IllegalStateException e) {
      Node at = map;
      String message = String.valueOf(e.getMessage());
      if (map instanceof Node.MapNode m) {
        int colon = message.indexOf(':');
        String field = colon < 0 ? "" : message.substring(0, colon).trim();
        Node named = m.values().get("forDuration".equals(field) ? "for" : field);
        at = named == null ? map : named;
      }
      return attemptAt(
          at,
          () -> {
            throw e;
          });
    }
  }

  Optional<Node.MapNode> mapping(Node node) {
    if (node instanceof Node.MapNode map) {
      return Optional.of(map);
    }
    if (node instanceof Node.NullNode) {
      return Optional.of(new Node.MapNode(node.path(), node.location(), Map.of(), Map.of()));
    }
    problem(node, "expected a mapping, got " + node.describe(), "a mapping");
    return Optional.empty();
  }

  Optional<Node.SeqNode> sequence(Node node) {
    if (node instanceof Node.SeqNode seq) {
      return Optional.of(seq);
    }
    problem(node, "expected a sequence, got " + node.describe(), "a sequence (- item per line)");
    return Optional.empty();
  }

  /** Reads every item of {@code seq} as a mapping; the items in order, or empty if any was bad. */
  <T> Optional<List<T>> items(Node.SeqNode seq, Function<Node.MapNode, Optional<T>> item) {
    List<T> read = new ArrayList<>();
    boolean ok = true;
    for (Node node : seq.items()) {
      Optional<T> t = mapping(node).flatMap(item);
      t.ifPresent(read::add);
      ok &= t.isPresent();
    }
    return ok ? Optional.of(List.copyOf(read)) : Optional.empty();
  }

  /** Records a problem, with the nearest allowed key, for every key of {@code map} not allowed. */
  void keys(Node.MapNode map, List<String> allowed) {
    for (String key : map.values().keySet()) {
      if (!allowed.contains(key)) {
        problems.add(
            ConfigProblem.at(
                map.keyLocations().get(key),
                map.childPath(key),
                key,
                "unknown key" + suggestion(key, allowed),
                "one of " + allowed));
      }
    }
  }

  static String suggestion(String key, List<String> allowed) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    String lower = key.toLowerCase(Locale.ROOT);
    for (String a : allowed) {
      int d = Texts.editDistance(lower, a.toLowerCase(Locale.ROOT));
      if (d < bestDistance) {
        best = a;
        bestDistance = d;
      }
    }
    return best != null && bestDistance <= Math.max(2, key.length() / 3)
        ? " (did you mean '" + best + "'?)"
        : "";
  }

  Optional<Node> required(Node.MapNode map, String key, String allowed) {
    Node node = map.values().get(key);
    if (node == null || node instanceof Node.NullNode) {
      problems.add(
          new ConfigProblem(
              Optional.of(map.location()),
              map.childPath(key),
              Optional.empty(),
              "required key is missing",
              Optional.of(allowed)));
      return Optional.empty();
    }
    return Optional.of(node);
  }

  /** Records a problem when {@code key} is set although {@code condition} does not hold. */
  void onlyWith(Node.MapNode map, String key, String condition) {
    Node node = map.values().get(key);
    if (node != null) {
      problem(node, "only allowed with " + condition, "leave it out, or set " + condition);
    }
  }

  Optional<String> string(Node.MapNode map, String key) {
    return scalar(map, key, "a string", s -> true, Scalar::text);
  }

  Optional<Double> number(Node.MapNode map, String key, String allowed, Predicate<Double> valid) {
    return scalar(
        map,
        key,
        allowed,
        s -> toDouble(s).filter(valid).isPresent(),
        s -> toDouble(s).orElseThrow());
  }

  Optional<Duration> duration(Node.MapNode map, String key) {
    return scalar(
        map, key, DURATION, s -> s.asDuration().isPresent(), s -> s.asDuration().orElseThrow());
  }

  /** One of {@code values} by its YAML name, case-insensitive. */
  <E> Optional<E> choice(Node.MapNode map, String key, Map<String, E> values) {
    List<String> names = values.keySet().stream().sorted().toList();
    return scalar(
        map,
        key,
        "one of " + names,
        s -> values.containsKey(s.text().toLowerCase(Locale.ROOT)),
        s -> values.get(s.text().toLowerCase(Locale.ROOT)));
  }

  private static Optional<Double> toDouble(Scalar s) {
    if (s.kind() != Scalar.Kind.INTEGER && s.kind() != Scalar.Kind.FLOAT) {
      return Optional.empty();
    }
    double value = Double.parseDouble(s.text());
    return Double.isFinite(value) ? Optional.of(value) : Optional.empty();
  }

  private <T> Optional<T> scalar(
      Node.MapNode map,
      String key,
      String allowed,
      Predicate<Scalar> valid,
      Function<Scalar, T> convert) {
    Node node = map.values().get(key);
    if (node == null) {
      return Optional.empty();
    }
    if (node instanceof Node.ScalarNode scalar && valid.test(scalar.value())) {
      return Optional.of(convert.apply(scalar.value()));
    }
    problem(
        node,
        node instanceof Node.ScalarNode
            ? "invalid value"
            : "expected a scalar, got " + node.describe(),
        allowed);
    return Optional.empty();
  }
}
