package dev.tdeveloper.observability.incident;

import dev.tdeveloper.observability.alert.Alert;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Which service depends on which, as the user knows their system: {@code checkout -> [payments,
 * db]} means checkout calls payments and db, so a failing db is upstream of a failing checkout. The
 * {@link IncidentCorrelator} uses it to pick the most upstream alert as an incident's root-cause
 * hint. Cycles are rejected, as they leave "upstream" undefined.
 *
 * <p>Immutable and thread-safe.
 */
public final class DependencyGraph {
  /** The label naming the service an alert is about: {@value}. */
  public static final String SERVICE = "service";

  /** The label naming the dependency an alert is about: {@value}. */
  public static final String DEPENDENCY = "dependency";

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._:/-]{1,128}");
  private static final DependencyGraph EMPTY = new DependencyGraph(Map.of());

  /** Service to every service it depends on, directly or not. */
  private final Map<String, Set<String>> upstreamOf;

  private DependencyGraph(Map<String, Set<String>> upstreamOf) {
    this.upstreamOf = upstreamOf;
  }

  /** Returns a graph that relates nothing: root-cause hints then go by time alone. */
  public static DependencyGraph empty() {
    return EMPTY;
  }

  /** Returns a builder. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the node an alert is about: its {@value #DEPENDENCY} label if it has one (an alert
   * about calls to a dependency points at the dependency), else its {@value #SERVICE} label.
   */
  public static Optional<String> nodeOf(Alert alert) {
    Optional<String> dependency = alert.labels().get(DEPENDENCY);
    return dependency.isPresent() ? dependency : alert.labels().get(SERVICE);
  }

  /** Returns whether {@code service} depends on {@code upstream}, directly or transitively. */
  public boolean dependsOn(String service, String upstream) {
    return upstreamOf.getOrDefault(service, Set.of()).contains(upstream);
  }

  /** Returns the services known to the graph, sorted. */
  public Set<String> services() {
    Set<String> all = new TreeSet<>(upstreamOf.keySet());
    upstreamOf.values().forEach(all::addAll);
    return all;
  }

  @Override
  public String toString() {
    return "DependencyGraph" + upstreamOf;
  }

  /** Builds a {@link DependencyGraph}; edges accumulate. Not thread-safe. */
  public static final class Builder {
    private final Map<String, Set<String>> direct = new HashMap<>();

    private Builder() {}

    /**
     * Records that {@code service} depends on each of {@code upstreams}.
     *
     * @return this builder
     * @throws IllegalArgumentException if a name is invalid or a service depends on itself
     */
    public Builder dependsOn(String service, String... upstreams) {
      check(service);
      for (String upstream : upstreams) {
        check(upstream);
        if (upstream.equals(service)) {
          throw new IllegalArgumentException(
              "dependency graph: service '" + service + "' cannot depend on itself");
        }
      }
      direct.computeIfAbsent(service, s -> new HashSet<>()).addAll(List.of(upstreams));
      return this;
    }

    /**
     * Builds the graph.
     *
     * @throws IllegalArgumentException naming a service on a dependency cycle
     */
    public DependencyGraph build() {
      Map<String, Set<String>> closure = new HashMap<>();
      for (String service : direct.keySet()) {
        Set<String> reached = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(direct.get(service));
        while (!todo.isEmpty()) {
          String next = todo.pop();
          if (next.equals(service)) {
            throw new IllegalArgumentException(
                "dependency graph: service '" + service + "' is on a dependency cycle");
          }
          if (reached.add(next)) {
            todo.addAll(direct.getOrDefault(next, Set.of()));
          }
        }
        closure.put(service, Set.copyOf(reached));
      }
      return new DependencyGraph(Map.copyOf(closure));
    }

    private static void check(String name) {
      Objects.requireNonNull(name, "service");
      if (!NAME.matcher(name).matches()) {
        throw new IllegalArgumentException(
            "dependency graph: service name '"
                + name
                + "' is invalid; allowed: 1 to 128 letters, digits or . _ : / -");
      }
    }
  }
}
