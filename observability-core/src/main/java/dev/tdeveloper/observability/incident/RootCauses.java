package dev.tdeveloper.observability.incident;

import dev.tdeveloper.observability.alert.Alert;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Picks an incident's root-cause hint: among the alerts no other alert is upstream of, the one that
 * most others depend on, then the earliest, then the lowest fingerprint (so the pick is
 * deterministic). Stateless.
 */
final class RootCauses {
  private RootCauses() {}

  static RootCauseHint pick(Collection<Alert> alerts, DependencyGraph graph) {
    List<Alert> candidates = new ArrayList<>();
    for (Alert alert : alerts) {
      if (alerts.stream().noneMatch(other -> upstream(graph, other, alert))) {
        candidates.add(alert);
      }
    }
    Comparator<Alert> order =
        Comparator.<Alert>comparingLong(a -> -downstream(graph, a, alerts).size())
            .thenComparing(Alert::startsAt)
            .thenComparing(a -> Long.toUnsignedString(a.fingerprint(), 16));
    Alert root = candidates.stream().min(order).orElseThrow();
    return new RootCauseHint(root, explain(root, graph, alerts));
  }

  /** Whether {@code a} is upstream of {@code b}: b's node depends on a's node. */
  private static boolean upstream(DependencyGraph graph, Alert a, Alert b) {
    Optional<String> nodeA = DependencyGraph.nodeOf(a);
    Optional<String> nodeB = DependencyGraph.nodeOf(b);
    return nodeA.isPresent() && nodeB.isPresent() && graph.dependsOn(nodeB.get(), nodeA.get());
  }

  private static TreeSet<String> downstream(
      DependencyGraph graph, Alert root, Collection<Alert> alerts) {
    TreeSet<String> nodes = new TreeSet<>();
    for (Alert alert : alerts) {
      if (upstream(graph, root, alert)) {
        nodes.add(DependencyGraph.nodeOf(alert).orElseThrow());
      }
    }
    return nodes;
  }

  private static String explain(Alert root, DependencyGraph graph, Collection<Alert> alerts) {
    Optional<String> node = DependencyGraph.nodeOf(root);
    String what = root.name() + node.map(n -> " on " + n).orElse("");
    if (alerts.size() == 1) {
      return what + " is the only alert, started at " + root.startsAt();
    }
    TreeSet<String> downstream = downstream(graph, root, alerts);
    boolean earliest = alerts.stream().noneMatch(a -> a.startsAt().isBefore(root.startsAt()));
    String when =
        earliest ? "started first, at " + root.startsAt() : "started at " + root.startsAt();
    if (downstream.isEmpty()) {
      return what
          + " "
          + when
          + "; the dependency graph relates none of the "
          + alerts.size()
          + " alerts, so the earliest is suggested";
    }
    return what
        + " "
        + when
        + ", and is the most upstream: "
        + String.join(", ", downstream)
        + (downstream.size() == 1 ? " depends" : " depend")
        + " on "
        + node.orElseThrow();
  }
}
