package dev.tdeveloper.observability.slo;

import dev.tdeveloper.observability.internal.TreeProblems;
import dev.tdeveloper.tenancy.config.Node;
import dev.tdeveloper.tenancy.config.Scalar;
import dev.tdeveloper.tenancy.internal.Texts;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Typed reads of a {@code slos.yaml} tree that record a located problem for every bad key or value
 * instead of stopping at the first, and turn a builder's exception into a problem at the node it
 * concerns. Not thread-safe: one per file.
 */
final class SloTreeReader extends TreeProblems {
  SloTreeReader() {
    super(
        "a duration such as 300ms, 30s, 5m, 1h, 30d or PT5M",
        "see the slos.yaml format in SloConfigLoader");
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

  /** Reads every item of {@code seq} as a mapping; the items in order, or empty if any was bad. */
  <T> Optional<List<T>> items(Node.SeqNode seq, Function<Node.MapNode, Optional<T>> item) {
    List<T> read = new ArrayList<>();
    boolean ok = true;
    for (Node node : seq.items()) {
      Optional<T> t = mappingOrEmpty(node).flatMap(item);
      t.ifPresent(read::add);
      ok &= t.isPresent();
    }
    return ok ? Optional.of(List.copyOf(read)) : Optional.empty();
  }

  @Override
  protected Optional<String> nearestKey(String key, List<String> allowed) {
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
        ? Optional.of(best)
        : Optional.empty();
  }

  /** Records a problem when {@code key} is set although {@code condition} does not hold. */
  void onlyWith(Node.MapNode map, String key, String condition) {
    Node node = map.values().get(key);
    if (node != null) {
      problem(node, "only allowed with " + condition, "leave it out, or set " + condition);
    }
  }

  Optional<String> string(Node.MapNode map, String key) {
    return scalar(map, key, "a string", s -> Optional.of(s.text()));
  }

  Optional<Double> number(Node.MapNode map, String key, String allowed, Predicate<Double> valid) {
    return scalar(map, key, allowed, s -> toDouble(s).filter(valid));
  }

  /** One of {@code values} by its YAML name, case-insensitive. */
  <E> Optional<E> choice(Node.MapNode map, String key, Map<String, E> values) {
    List<String> names = values.keySet().stream().sorted().toList();
    return scalar(
        map,
        key,
        "one of " + names,
        s -> Optional.ofNullable(values.get(s.text().toLowerCase(Locale.ROOT))));
  }

  private static Optional<Double> toDouble(Scalar s) {
    if (s.kind() != Scalar.Kind.INTEGER && s.kind() != Scalar.Kind.FLOAT) {
      return Optional.empty();
    }
    double value = Double.parseDouble(s.text());
    return Double.isFinite(value) ? Optional.of(value) : Optional.empty();
  }
}
