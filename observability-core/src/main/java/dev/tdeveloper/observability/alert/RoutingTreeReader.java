package dev.tdeveloper.observability.alert;

import dev.tdeveloper.tenancy.config.ConfigProblem;
import dev.tdeveloper.tenancy.config.Node;
import dev.tdeveloper.tenancy.config.Scalar;
import dev.tdeveloper.tenancy.internal.Texts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Typed reads of an {@code alerting.yaml} {@link Node} tree that record a located problem for every
 * bad key or value instead of stopping at the first. Not thread-safe: one per file.
 */
final class RoutingTreeReader {
  static final String DURATION = "a duration such as 30s, 5m, 4h or 1d";

  final List<ConfigProblem> problems = new ArrayList<>();

  void problem(Node node, String problem, String allowed) {
    String value = node instanceof Node.ScalarNode s ? s.value().text() : node.describe();
    problems.add(ConfigProblem.at(node.location(), node.shownPath(), value, problem, allowed));
  }

  /**
   * Runs a builder step; its IllegalArgument/IllegalState exception becomes a problem at {@code
   * at}.
   */
  <T> Optional<T> attemptAt(Node at, Supplier<T> step) {
    try {
      return Optional.of(step.get());
    } catch (IllegalArgumentException | IllegalStateException e) {
      String message = String.valueOf(e.getMessage());
      int cut = message.indexOf("; allowed: ");
      problem(
          at,
          cut < 0 ? message : message.substring(0, cut),
          cut < 0 ? "see docs/alerting-yaml.md" : message.substring(cut + "; allowed: ".length()));
      return Optional.empty();
    }
  }

  Optional<Node.MapNode> mapping(Node node) {
    if (node instanceof Node.MapNode map) {
      return Optional.of(map);
    }
    problem(node, "expected a mapping, got " + node.describe(), "a mapping");
    return Optional.empty();
  }

  Optional<Node.SeqNode> sequence(Node node) {
    if (node instanceof Node.SeqNode seq) {
      return Optional.of(seq);
    }
    if (node instanceof Node.NullNode) {
      return Optional.of(new Node.SeqNode(node.path(), node.location(), List.of()));
    }
    problem(node, "expected a sequence, got " + node.describe(), "a sequence (- item per line)");
    return Optional.empty();
  }

  /**
   * Records a problem for every key of {@code map} not in {@code allowed}, with the closest one.
   */
  void keys(Node.MapNode map, List<String> allowed) {
    for (String key : map.values().keySet()) {
      if (!allowed.contains(key)) {
        String hint = closest(key, allowed).map(a -> " (did you mean '" + a + "'?)").orElse("");
        problems.add(
            ConfigProblem.at(
                map.keyLocations().get(key),
                map.childPath(key),
                key,
                "unknown key" + hint,
                "one of " + allowed));
      }
    }
  }

  /**
   * Returns the candidate nearest to {@code text} if it is within 3 edits (or a third of its
   * length).
   */
  static Optional<String> closest(String text, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String c : candidates) {
      int d = Texts.editDistance(text.toLowerCase(java.util.Locale.ROOT), c);
      if (d < bestDistance) {
        best = c;
        bestDistance = d;
      }
    }
    return best != null && bestDistance <= Math.max(3, best.length() / 3)
        ? Optional.of(best)
        : Optional.empty();
  }

  void missing(Node.MapNode map, String key, String allowed) {
    problems.add(
        new ConfigProblem(
            Optional.of(map.location()),
            map.childPath(key),
            Optional.empty(),
            "required key is missing",
            Optional.of(allowed)));
  }

  Optional<String> text(Node.MapNode map, String key) {
    Node node = map.values().get(key);
    if (node == null) {
      return Optional.empty();
    }
    if (node instanceof Node.ScalarNode s
        && s.value().kind() == Scalar.Kind.STRING
        && !s.value().text().isBlank()) {
      return Optional.of(s.value().text());
    }
    problem(node, "expected a non-blank string, got " + node.describe(), "a non-blank string");
    return Optional.empty();
  }

  Optional<Boolean> bool(Node.MapNode map, String key) {
    Node node = map.values().get(key);
    if (node == null) {
      return Optional.empty();
    }
    Optional<Boolean> value =
        node instanceof Node.ScalarNode s ? s.value().asBoolean() : Optional.empty();
    if (value.isEmpty()) {
      problem(node, "invalid value", "true or false");
    }
    return value;
  }

  Optional<Duration> duration(Node.MapNode map, String key) {
    Node node = map.values().get(key);
    if (node == null) {
      return Optional.empty();
    }
    Optional<Duration> value =
        node instanceof Node.ScalarNode s ? s.value().asDuration() : Optional.empty();
    if (value.isEmpty()) {
      problem(node, "invalid value", DURATION);
    }
    return value;
  }

  /**
   * Reads a sequence of matcher strings such as {@code severity=~"critical|error"}; empty if any is
   * bad (each recorded) or, when {@code required}, if the key is missing or the list empty.
   */
  Optional<List<Matcher>> matchers(Node.MapNode map, String key, boolean required) {
    Node node = map.values().get(key);
    String allowed = "a sequence of matchers such as 'severity=\"critical\"' (=, !=, =~, !~)";
    if (node == null) {
      if (required) {
        missing(map, key, allowed);
        return Optional.empty();
      }
      return Optional.of(List.of());
    }
    Optional<Node.SeqNode> seq = sequence(node);
    if (seq.isEmpty()) {
      return Optional.empty();
    }
    if (required && seq.get().items().isEmpty()) {
      problem(node, "at least one matcher is required", allowed);
      return Optional.empty();
    }
    List<Matcher> out = new ArrayList<>();
    boolean ok = true;
    for (Node item : seq.get().items()) {
      if (item instanceof Node.ScalarNode s && s.value().kind() == Scalar.Kind.STRING) {
        Optional<Matcher> m = attemptAt(item, () -> Matcher.parse(s.value().text()));
        m.ifPresent(out::add);
        ok &= m.isPresent();
      } else {
        problem(item, "expected a matcher string, got " + item.describe(), allowed);
        ok = false;
      }
    }
    return ok ? Optional.of(out) : Optional.empty();
  }

  /** Reads a sequence of label names ({@code ...} too when {@code allowAll}). */
  Optional<List<String>> labelNames(Node node, boolean allowAll) {
    String allowed = "label names" + (allowAll ? " or '...' alone (group by all labels)" : "");
    Optional<Node.SeqNode> seq = sequence(node);
    if (seq.isEmpty()) {
      return Optional.empty();
    }
    List<String> out = new ArrayList<>();
    boolean ok = true;
    for (Node item : seq.get().items()) {
      String text = item instanceof Node.ScalarNode s ? s.value().text() : null;
      boolean valid =
          text != null
              && (text.matches("[a-zA-Z_][a-zA-Z0-9_]*")
                  || (allowAll && text.equals(Route.GROUP_BY_ALL)));
      if (valid) {
        out.add(text);
      } else {
        problem(item, "invalid label name", allowed);
        ok = false;
      }
    }
    return ok ? Optional.of(out) : Optional.empty();
  }
}
