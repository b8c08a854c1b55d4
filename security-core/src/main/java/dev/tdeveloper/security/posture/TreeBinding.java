package dev.tdeveloper.security.posture;

import dev.tdeveloper.security.tls.TlsPolicy;
import dev.tdeveloper.tenancy.config.ConfigProblem;
import dev.tdeveloper.tenancy.config.Node;
import dev.tdeveloper.tenancy.config.Scalar;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Typed reads of a {@link Node} tree that record a located {@link ConfigProblem} for every bad key
 * or value instead of stopping at the first. Not thread-safe: one per file.
 */
class TreeBinding {
  final List<ConfigProblem> problems = new ArrayList<>();
  private final Set<String> failedPaths = new HashSet<>();

  /** Called with every value read successfully. */
  void found(Node node) {}

  void problem(Node node, String problem, String allowed) {
    String value = node instanceof Node.ScalarNode scalar ? scalar.value().text() : node.describe();
    problems.add(ConfigProblem.at(node.location(), node.shownPath(), value, problem, allowed));
    failedPaths.add(node.path());
  }

  boolean failed(Node.MapNode map, String key) {
    return failedPaths.contains(map.childPath(key));
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

  /** Records a problem for every key of {@code map} not in {@code allowed}. */
  void keys(Node.MapNode map, List<String> allowed) {
    for (Map.Entry<String, Node> entry : map.values().entrySet()) {
      String key = entry.getKey();
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
        failedPaths.add(map.childPath(key));
      }
    }
  }

  Optional<String> text(Node.MapNode map, String key) {
    return scalar(map, key, "a string", s -> s.kind() == Scalar.Kind.STRING, s -> s.text());
  }

  Optional<Boolean> bool(Node.MapNode map, String key) {
    return scalar(
        map, key, "true or false", s -> s.asBoolean().isPresent(), s -> s.asBoolean().get());
  }

  Optional<Duration> age(Node.MapNode map, String key) {
    String allowed = "a duration from 1h to 3650d, such as 90d, 2160h or P90D";
    return scalar(
        map,
        key,
        allowed,
        s ->
            s.asDuration()
                .filter(
                    d ->
                        d.compareTo(SecurityPolicy.MIN_AGE) >= 0
                            && d.compareTo(SecurityPolicy.MAX_AGE) <= 0)
                .isPresent(),
        s -> s.asDuration().get());
  }

  Optional<Integer> days(Node.MapNode map, String key) {
    long max = SecurityPolicy.MAX_CERTIFICATE_DAYS;
    return scalar(
        map,
        key,
        "a whole number of days from 1 to " + max,
        s -> s.asLong().filter(d -> d >= 1 && d <= max).isPresent(),
        s -> s.asLong().get().intValue());
  }

  /** Reads a non-empty sequence of distinct cipher suite names valid with {@code minimum}. */
  Optional<List<String>> cipherSuites(Node.MapNode map, String minimum) {
    Node node = map.values().get("cipherSuites");
    if (node == null) {
      return Optional.empty();
    }
    if (!(node instanceof Node.SeqNode seq) || seq.items().isEmpty()) {
      problem(
          node,
          "expected a non-empty list of cipher suites",
          "a list such as [TLS_AES_256_GCM_SHA384]");
      return Optional.empty();
    }
    List<String> suites = new ArrayList<>();
    boolean ok = true;
    for (Node item : seq.items()) {
      String name = item instanceof Node.ScalarNode s ? s.value().text() : null;
      if (name == null || !name.startsWith("TLS_") || suites.contains(name)) {
        String why =
            name == null
                ? "expected a cipher suite name"
                : suites.contains(name) ? "listed twice" : "not an IANA TLS cipher suite name";
        problem(item, why, "distinct IANA names as the JDK spells them (TLS_...)");
        ok = false;
      } else if (minimum.equals(TlsPolicy.TLS_1_3)
          && !TlsPolicy.TLS_1_3_CIPHER_SUITES.contains(name)) {
        problem(
            item,
            "not a TLS 1.3 suite, so a TLSv1.3 minimum could never use it",
            "one of " + TlsPolicy.TLS_1_3_CIPHER_SUITES.stream().sorted().toList());
        ok = false;
      }
      if (name != null) {
        suites.add(name);
      }
    }
    if (!ok) {
      failedPaths.add(node.path());
      return Optional.empty();
    }
    found(node);
    return Optional.of(suites);
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
      found(node);
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
