package dev.tdeveloper.scaling.config;

import dev.tdeveloper.tenancy.config.ConfigProblem;
import dev.tdeveloper.tenancy.config.Node;
import dev.tdeveloper.tenancy.config.Scalar;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Typed reads of a {@link Node} tree that record a located {@link ConfigProblem} for every bad key
 * or value instead of stopping at the first, and turn a builder's exception into a problem at the
 * node it concerns. Not thread-safe: one per file.
 */
final class TreeReader {
  static final String DOCS = "see docs/scaling-yaml.md";
  static final String DURATION = "a duration such as 500ms, 30s, 5m, 1h, 1d or PT30S";

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
      int cut = message.indexOf("; allowed");
      if (cut < 0) {
        problem(at, message, DOCS);
      } else {
        String rest = message.substring(cut + "; allowed".length());
        rest = (rest.contains(":") ? rest.substring(rest.indexOf(':') + 1) : rest).trim();
        problem(at, message.substring(0, cut), rest.isEmpty() ? DOCS : rest);
      }
      return Optional.empty();
    }
  }

  /**
   * The node a builder message is about: the entry of {@code map} whose key is a word of the
   * message's field part (before its first colon: {@code "minReplicas: 5 is above..."}), else the
   * entry whose key appears first in the whole message, else {@code fallback}. {@code aliases} maps
   * a builder's field name to the file's key.
   */
  static Node blame(Node.MapNode map, String message, Node fallback, Map<String, String> aliases) {
    String text = message;
    for (Map.Entry<String, String> a : aliases.entrySet()) {
      text = text.replace(a.getKey(), a.getValue());
    }
    int colon = text.indexOf(':');
    String field = colon < 0 ? "" : text.substring(0, colon);
    Node best = null;
    int bestAt = Integer.MAX_VALUE;
    for (Map.Entry<String, Node> e : map.values().entrySet()) {
      Matcher inField = word(e.getKey()).matcher(field);
      if (inField.find()) {
        return e.getValue();
      }
      Matcher inText = word(e.getKey()).matcher(text);
      if (inText.find() && inText.start() < bestAt) {
        best = e.getValue();
        bestAt = inText.start();
      }
    }
    return best == null ? fallback : best;
  }

  static Node blame(Node.MapNode map, String message) {
    return blame(map, message, map, Map.of());
  }

  private static Pattern word(String key) {
    return Pattern.compile("(?<![A-Za-z0-9])" + Pattern.quote(key) + "(?![A-Za-z0-9])");
  }

  /**
   * Runs a builder step, reporting its exception at the node {@link #blame} picks in {@code map}.
   */
  <T> Optional<T> attempt(
      Node.MapNode map, Node fallback, Map<String, String> aliases, Supplier<T> step) {
    try {
      return Optional.of(step.get());
    } catch (IllegalArgumentException | IllegalStateException e) {
      return attemptAt(
          blame(map, String.valueOf(e.getMessage()), fallback, aliases),
          () -> {
            throw e;
          });
    }
  }

  <T> Optional<T> attempt(Node.MapNode map, Supplier<T> step) {
    return attempt(map, map, Map.of(), step);
  }

  /** Returns {@code node} as a mapping (null counts as an empty one), else records a problem. */
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

  /** Returns {@code node} as a sequence, else records a problem. */
  Optional<Node.SeqNode> sequence(Node node) {
    if (node instanceof Node.SeqNode seq) {
      return Optional.of(seq);
    }
    problem(node, "expected a sequence, got " + node.describe(), "a sequence (- item per line)");
    return Optional.empty();
  }

  /**
   * Reads every item of {@code seq} as a mapping with {@code item}, so that each bad item records
   * its problems; the items in order, or empty when any was bad.
   */
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

  /** Records a problem for every key of {@code map} not in {@code allowed}; false if any. */
  boolean keys(Node.MapNode map, List<String> allowed) {
    boolean ok = true;
    for (String key : map.values().keySet()) {
      if (!allowed.contains(key)) {
        String hint =
            allowed.stream()
                .filter(a -> a.equalsIgnoreCase(key))
                .map(a -> " (did you mean '" + a + "'?)")
                .findFirst()
                .orElse("");
        problems.add(
            ConfigProblem.at(
                map.keyLocations().get(key),
                map.childPath(key),
                key,
                "unknown key" + hint,
                "one of " + allowed));
        ok = false;
      }
    }
    return ok;
  }

  /** Records a problem when {@code key} is absent; returns its node otherwise. */
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

  Optional<String> text(Node.MapNode map, String key) {
    return scalar(map, key, "a non-blank string", s -> !s.text().isBlank(), Scalar::text);
  }

  Optional<Boolean> bool(Node.MapNode map, String key) {
    return scalar(
        map,
        key,
        "true or false",
        s -> s.asBoolean().isPresent(),
        s -> s.asBoolean().orElseThrow());
  }

  Optional<Integer> integer(Node.MapNode map, String key, int min, int max) {
    return scalar(
        map,
        key,
        "a whole number from " + min + " to " + max,
        s -> s.asLong().filter(v -> v >= min && v <= max).isPresent(),
        s -> s.asLong().orElseThrow().intValue());
  }

  /** A finite number (integer or float) accepted by {@code valid}, described by {@code allowed}. */
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

  /** One of {@code values} by its YAML name (case-insensitive, dashes and underscores ignored). */
  <E> Optional<E> choice(Node.MapNode map, String key, Map<String, E> values) {
    String allowed = "one of " + List.copyOf(values.keySet());
    return scalar(
        map,
        key,
        allowed,
        s -> lookup(s.text(), values).isPresent(),
        s -> lookup(s.text(), values).orElseThrow());
  }

  private static <E> Optional<E> lookup(String text, Map<String, E> values) {
    String wanted = canonical(text);
    return values.entrySet().stream()
        .filter(e -> canonical(e.getKey()).equals(wanted))
        .map(Map.Entry::getValue)
        .findFirst();
  }

  private static String canonical(String s) {
    return s.replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
  }

  static Optional<Double> toDouble(Scalar s) {
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
