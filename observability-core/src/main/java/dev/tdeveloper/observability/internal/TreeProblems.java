package dev.tdeveloper.observability.internal;

import dev.tdeveloper.tenancy.config.ConfigProblem;
import dev.tdeveloper.tenancy.config.Node;
import dev.tdeveloper.tenancy.config.Scalar;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Typed reads of a YAML {@link Node} tree that record a located {@link ConfigProblem} for every bad
 * key or value instead of stopping at the first, and turn a builder's exception into a problem at
 * the node it concerns. Each configuration file has a subclass with its own reads and wording. Not
 * thread-safe: one per file.
 */
public abstract class TreeProblems {
  private static final String ALLOWED_SEPARATOR = "; allowed: ";

  private final List<ConfigProblem> problems = new ArrayList<>();
  private final String durationAllowed;
  private final String fallbackAllowed;

  /**
   * Creates a reader with no problems yet.
   *
   * @param durationAllowed what {@link #duration} names as allowed for a bad duration
   * @param fallbackAllowed what {@link #attemptAt} names as allowed when a builder's message does
   *     not say it
   */
  protected TreeProblems(String durationAllowed, String fallbackAllowed) {
    this.durationAllowed = durationAllowed;
    this.fallbackAllowed = fallbackAllowed;
  }

  /** The problems recorded so far, in the order found (a live, unmodifiable view). */
  public final List<ConfigProblem> problems() {
    return Collections.unmodifiableList(problems);
  }

  /** Records {@code problem} at {@code node}, showing its scalar text or its description. */
  public final void problem(Node node, String problem, String allowed) {
    String value = node instanceof Node.ScalarNode s ? s.value().text() : node.describe();
    problems.add(ConfigProblem.at(node.location(), node.shownPath(), value, problem, allowed));
  }

  /** Records that {@code key} is missing from {@code map}. */
  public final void missing(Node.MapNode map, String key, String allowed) {
    problems.add(
        new ConfigProblem(
            Optional.of(map.location()),
            map.childPath(key),
            Optional.empty(),
            "required key is missing",
            Optional.of(allowed)));
  }

  /** The node at {@code key}; empty, with a problem recorded, if it is missing or null. */
  public final Optional<Node> required(Node.MapNode map, String key, String allowed) {
    Node node = map.values().get(key);
    if (node == null || node instanceof Node.NullNode) {
      missing(map, key, allowed);
      return Optional.empty();
    }
    return Optional.of(node);
  }

  /**
   * Runs a builder step; its {@link IllegalArgumentException} or {@link IllegalStateException}
   * becomes a problem at {@code at}, split into problem and allowed at {@code "; allowed: "}.
   */
  public final <T> Optional<T> attemptAt(Node at, Supplier<T> step) {
    try {
      return Optional.of(step.get());
    } catch (IllegalArgumentException | IllegalStateException e) {
      String message = String.valueOf(e.getMessage());
      int cut = message.indexOf(ALLOWED_SEPARATOR);
      if (cut < 0) {
        problem(at, message, fallbackAllowed);
      } else {
        problem(at, message.substring(0, cut), message.substring(cut + ALLOWED_SEPARATOR.length()));
      }
      return Optional.empty();
    }
  }

  /** {@code node} as a mapping; empty, with a problem recorded, if it is anything else. */
  public final Optional<Node.MapNode> mapping(Node node) {
    if (node instanceof Node.MapNode map) {
      return Optional.of(map);
    }
    problem(node, "expected a mapping, got " + node.describe(), "a mapping");
    return Optional.empty();
  }

  /** Like {@link #mapping}, but a null node (a key with nothing after it) reads as empty. */
  public final Optional<Node.MapNode> mappingOrEmpty(Node node) {
    if (node instanceof Node.NullNode) {
      return Optional.of(new Node.MapNode(node.path(), node.location(), Map.of(), Map.of()));
    }
    return mapping(node);
  }

  /** {@code node} as a sequence; empty, with a problem recorded, if it is anything else. */
  public final Optional<Node.SeqNode> sequence(Node node) {
    if (node instanceof Node.SeqNode seq) {
      return Optional.of(seq);
    }
    problem(node, "expected a sequence, got " + node.describe(), "a sequence (- item per line)");
    return Optional.empty();
  }

  /** Like {@link #sequence}, but a null node (a key with nothing after it) reads as empty. */
  public final Optional<Node.SeqNode> sequenceOrEmpty(Node node) {
    if (node instanceof Node.NullNode) {
      return Optional.of(new Node.SeqNode(node.path(), node.location(), List.of()));
    }
    return sequence(node);
  }

  /** Records a problem, with the nearest allowed key, for every key of {@code map} not allowed. */
  public final void keys(Node.MapNode map, List<String> allowed) {
    for (String key : map.values().keySet()) {
      if (!allowed.contains(key)) {
        problems.add(
            ConfigProblem.at(
                map.keyLocations().get(key),
                map.childPath(key),
                key,
                "unknown key" + didYouMean(nearestKey(key, allowed)),
                "one of " + allowed));
      }
    }
  }

  /** The hint {@code " (did you mean 'x'?)"} for a suggestion, or nothing for none. */
  public static String didYouMean(Optional<String> suggestion) {
    return suggestion.map(s -> " (did you mean '" + s + "'?)").orElse("");
  }

  /** The allowed key to suggest for the unknown {@code key}, if one is near enough. */
  protected abstract Optional<String> nearestKey(String key, List<String> allowed);

  /** The duration at {@code key}; empty if absent or, with a problem recorded, if bad. */
  public final Optional<Duration> duration(Node.MapNode map, String key) {
    return scalar(map, key, durationAllowed, Scalar::asDuration);
  }

  /**
   * The scalar at {@code key} as {@code read} gives it; empty if absent or, with a problem
   * recorded, if {@code read} gives nothing or the node is not a scalar.
   */
  protected final <T> Optional<T> scalar(
      Node.MapNode map, String key, String allowed, Function<Scalar, Optional<T>> read) {
    Node node = map.values().get(key);
    if (node == null) {
      return Optional.empty();
    }
    Optional<T> value =
        node instanceof Node.ScalarNode scalar ? read.apply(scalar.value()) : Optional.empty();
    if (value.isEmpty()) {
      problem(node, node instanceof Node.ScalarNode ? "invalid value" : notAScalar(node), allowed);
    }
    return value;
  }

  /** The problem recorded when a scalar is expected at {@code node} but it is not one. */
  protected String notAScalar(Node node) {
    return "expected a scalar, got " + node.describe();
  }
}
