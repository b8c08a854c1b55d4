package dev.tdeveloper.observability.alert;

import dev.tdeveloper.observability.internal.TreeProblems;
import dev.tdeveloper.tenancy.config.Node;
import dev.tdeveloper.tenancy.config.Scalar;
import dev.tdeveloper.tenancy.internal.Texts;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Typed reads of an {@code alerting.yaml} {@link Node} tree that record a located problem for every
 * bad key or value instead of stopping at the first. Not thread-safe: one per file.
 */
final class RoutingTreeReader extends TreeProblems {
  RoutingTreeReader() {
    super("a duration such as 30s, 5m, 4h or 1d", "see docs/alerting-yaml.md");
  }

  @Override
  protected Optional<String> nearestKey(String key, List<String> allowed) {
    return closest(key, allowed);
  }

  /**
   * Returns the candidate nearest to {@code text} if it is within 3 edits (or a third of its
   * length).
   */
  static Optional<String> closest(String text, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String c : candidates) {
      int d = Texts.editDistance(text.toLowerCase(Locale.ROOT), c);
      if (d < bestDistance) {
        best = c;
        bestDistance = d;
      }
    }
    return best != null && bestDistance <= Math.max(3, best.length() / 3)
        ? Optional.of(best)
        : Optional.empty();
  }

  /** A non-scalar where a boolean or duration belongs is just an invalid value here. */
  @Override
  protected String notAScalar(Node node) {
    return "invalid value";
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
    return scalar(map, key, "true or false", Scalar::asBoolean);
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
    Optional<Node.SeqNode> seq = sequenceOrEmpty(node);
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
    Optional<Node.SeqNode> seq = sequenceOrEmpty(node);
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
