package dev.tdeveloper.observability.alert;

import dev.tdeveloper.observability.internal.TreeProblems;
import dev.tdeveloper.tenancy.config.Node;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Binds the {@code route} mapping of an {@code alerting.yaml} file, recursively, to a {@link
 * RouteBuilder}; every bad key or value is recorded in the {@link RoutingTreeReader}. Not
 * thread-safe: one per file.
 */
final class RouteBinder {
  static final List<String> KEYS =
      List.of(
          "receiver",
          "group_by",
          "group_wait",
          "group_interval",
          "repeat_interval",
          "matchers",
          "continue",
          "routes");

  private final RoutingTreeReader r;
  private final Set<String> receivers;

  RouteBinder(RoutingTreeReader r, Set<String> receivers) {
    this.r = r;
    this.receivers = receivers;
  }

  /** Binds the root route: a receiver is required, matchers and continue are not allowed. */
  Optional<RouteBuilder> root(Node.MapNode m) {
    int before = r.problems().size();
    if (!m.values().containsKey("receiver")) {
      r.missing(m, "receiver", "the receiver of alerts no child route takes");
    }
    for (String key : List.of("matchers", "continue")) {
      Node node = m.values().get(key);
      if (node != null) {
        r.problem(node, "not allowed on the root route (it matches every alert)", "omit it");
      }
    }
    Optional<RouteBuilder> root = route(m);
    return r.problems().size() > before ? Optional.empty() : root;
  }

  private Optional<RouteBuilder> route(Node.MapNode m) {
    int before = r.problems().size();
    r.keys(m, KEYS);
    RouteBuilder b = Route.builder();
    r.text(m, "receiver").ifPresent(name -> receiver(m, b, name));
    Node groupBy = m.values().get("group_by");
    if (groupBy != null) {
      r.labelNames(groupBy, true)
          .ifPresent(names -> r.attemptAt(groupBy, () -> b.groupBy(names.toArray(String[]::new))));
    }
    r.duration(m, "group_wait")
        .ifPresent(d -> r.attemptAt(m.values().get("group_wait"), () -> b.groupWait(d)));
    r.duration(m, "group_interval")
        .ifPresent(d -> r.attemptAt(m.values().get("group_interval"), () -> b.groupInterval(d)));
    r.duration(m, "repeat_interval")
        .ifPresent(d -> r.attemptAt(m.values().get("repeat_interval"), () -> b.repeatInterval(d)));
    r.matchers(m, "matchers", false).ifPresent(list -> list.forEach(b::matcher));
    r.bool(m, "continue").ifPresent(b::continueMatching);
    Node routes = m.values().get("routes");
    if (routes != null) {
      r.sequenceOrEmpty(routes)
          .ifPresent(
              seq -> {
                for (Node child : seq.items()) {
                  r.mapping(child).flatMap(this::route).ifPresent(b::child);
                }
              });
    }
    return r.problems().size() > before ? Optional.empty() : Optional.of(b);
  }

  private void receiver(Node.MapNode m, RouteBuilder b, String name) {
    if (receivers.contains(name)) {
      b.receiver(name);
      return;
    }
    String hint = TreeProblems.didYouMean(RoutingTreeReader.closest(name, receivers));
    r.problem(
        m.values().get("receiver"),
        "receiver is not declared under receivers" + hint,
        "one of " + List.copyOf(receivers));
  }
}
