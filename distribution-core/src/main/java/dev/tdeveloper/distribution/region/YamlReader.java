package dev.tdeveloper.distribution.region;

import dev.tdeveloper.tenancy.config.ConfigLocation;
import dev.tdeveloper.tenancy.config.ConfigProblem;
import dev.tdeveloper.tenancy.config.Node;
import dev.tdeveloper.tenancy.config.Scalar;
import dev.tdeveloper.tenancy.internal.Texts;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Typed reads of a {@link Node} tree that record a located {@link ConfigProblem} for every bad key
 * or value instead of stopping at the first. Not thread-safe: one per file.
 */
final class YamlReader {
  static final String DOCS = "see docs/regions-yaml.md";

  final List<ConfigProblem> problems = new ArrayList<>();

  void problem(Node node, String problem, String allowed) {
    problems.add(
        ConfigProblem.at(node.location(), node.shownPath(), shown(node), problem, allowed));
  }

  void problemAtKey(Node.MapNode map, String key, String problem, String allowed) {
    problems.add(
        ConfigProblem.at(map.keyLocations().get(key), map.childPath(key), key, problem, allowed));
  }

  static String shown(Node node) {
    return node instanceof Node.ScalarNode s ? s.value().text() : node.describe();
  }

  /**
   * Runs a constructor; its {@link IllegalArgumentException} becomes a problem at {@code at}, the
   * message split into problem and allowed at {@code "; allowed: "}.
   */
  <T> Optional<T> attempt(Node at, Supplier<T> step) {
    try {
      return Optional.of(step.get());
    } catch (IllegalArgumentException | IllegalStateException e) {
      String message = String.valueOf(e.getMessage());
      int cut = message.indexOf("; allowed: ");
      if (cut < 0) {
        problem(at, message, DOCS);
      } else {
        problem(at, message.substring(0, cut), message.substring(cut + "; allowed: ".length()));
      }
      return Optional.empty();
    }
  }

  /**
   * Runs a parse of the key {@code key} of {@code map}; its {@link IllegalArgumentException}
   * becomes a problem at the key, the message cut at {@code "; allowed"} and {@code allowed} shown
   * instead.
   */
  <T> Optional<T> attemptAtKey(Node.MapNode map, String key, Supplier<T> step, String allowed) {
    try {
      return Optional.of(step.get());
    } catch (IllegalArgumentException e) {
      String message = String.valueOf(e.getMessage());
      int cut = message.indexOf("; allowed");
      problemAtKey(map, key, cut < 0 ? message : message.substring(0, cut), allowed);
      return Optional.empty();
    }
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

  /** Receives one entry of a mapping, with the mapping for problems at its key. */
  @FunctionalInterface
  interface Entry {
    void accept(Node.MapNode map, String key, Node value);
  }

  /**
   * Passes each entry of the mapping under {@code key} of {@code map} to {@code entry}; does
   * nothing when {@code key} is absent and records a problem when it is not a mapping.
   */
  void entries(Node.MapNode map, String key, Entry entry) {
    Node node = map.values().get(key);
    if (node != null) {
      mapping(node).ifPresent(m -> m.values().forEach((k, v) -> entry.accept(m, k, v)));
    }
  }

  /** Returns the items of a sequence (a single scalar counts as one item), else a problem. */
  Optional<List<Node>> items(Node node) {
    if (node instanceof Node.SeqNode seq) {
      return Optional.of(seq.items());
    }
    if (node instanceof Node.ScalarNode) {
      return Optional.of(List.of(node));
    }
    problem(node, "expected a sequence, got " + node.describe(), "a sequence such as [a, b]");
    return Optional.empty();
  }

  /** Records a problem for every key of {@code map} not in {@code allowed}; false if any. */
  boolean keys(Node.MapNode map, List<String> allowed) {
    boolean ok = true;
    for (String key : map.values().keySet()) {
      if (!allowed.contains(key)) {
        problemAtKey(map, key, "unknown key" + didYouMean(key, allowed), "one of " + allowed);
        ok = false;
      }
    }
    return ok;
  }

  /**
   * Returns {@code " (did you mean 'x'?)"} for the closest of {@code known} within two edits (or
   * equal ignoring case and punctuation), else the empty string.
   */
  static String didYouMean(String given, Collection<String> known) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    String folded = fold(given);
    for (String k : known) {
      int d = fold(k).equals(folded) ? 0 : Texts.editDistance(given.toLowerCase(Locale.ROOT), k);
      if (d < bestDistance) {
        best = k;
        bestDistance = d;
      }
    }
    return best != null && bestDistance <= 2 && bestDistance < given.length()
        ? " (did you mean '" + best + "'?)"
        : "";
  }

  private static String fold(String s) {
    return s.toLowerCase(Locale.ROOT).replaceAll("[-_. ]", "");
  }

  /** Returns the entry {@code key} when present and not null; records a problem otherwise. */
  Optional<Node> required(Node.MapNode map, String key, String allowed) {
    Node node = map.values().get(key);
    if (node == null || node instanceof Node.NullNode) {
      ConfigLocation at =
          node == null ? map.location() : map.keyLocations().getOrDefault(key, map.location());
      problems.add(
          new ConfigProblem(
              Optional.of(at),
              map.childPath(key),
              Optional.empty(),
              "required key is missing",
              Optional.of(allowed)));
      return Optional.empty();
    }
    return Optional.of(node);
  }

  /** Returns a scalar's text when it is a non-blank scalar; records a problem otherwise. */
  Optional<String> text(Node node, String allowed) {
    if (node instanceof Node.ScalarNode s && !s.value().text().isBlank()) {
      return Optional.of(s.value().text());
    }
    problem(node, "expected " + allowed + ", got " + node.describe(), allowed);
    return Optional.empty();
  }

  /** Returns a whole number within {@code [min, max]}; records a problem otherwise. */
  Optional<Integer> integer(Node node, int min, int max) {
    String allowed = "a whole number from " + min + " to " + max;
    Optional<Long> value =
        node instanceof Node.ScalarNode s ? s.value().asLong() : Optional.<Long>empty();
    if (value.isEmpty()) {
      problem(node, "expected a whole number, got " + node.describe(), allowed);
      return Optional.empty();
    }
    if (value.get() < min || value.get() > max) {
      problem(node, "out of range", allowed);
      return Optional.empty();
    }
    return Optional.of(value.get().intValue());
  }

  /** Returns a finite number within {@code [min, max]}; records a problem otherwise. */
  Optional<Double> number(Node node, double min, double max) {
    String allowed = "a number from " + min + " to " + max;
    if (node instanceof Node.ScalarNode s
        && (s.value().kind() == Scalar.Kind.INTEGER || s.value().kind() == Scalar.Kind.FLOAT)) {
      double v = Double.parseDouble(s.value().text());
      if (v >= min && v <= max) {
        return Optional.of(v);
      }
      problem(node, "out of range", allowed);
      return Optional.empty();
    }
    problem(node, "expected a number, got " + node.describe(), allowed);
    return Optional.empty();
  }

  /** Returns {@code true} or {@code false}; records a problem otherwise. */
  Optional<Boolean> bool(Node node) {
    Optional<Boolean> value =
        node instanceof Node.ScalarNode s ? s.value().asBoolean() : Optional.<Boolean>empty();
    if (value.isEmpty()) {
      problem(node, "expected a boolean, got " + node.describe(), "true or false");
    }
    return value;
  }
}
