package dev.tdeveloper.observability.incident;

import dev.tdeveloper.tenancy.event.EventListener;
import dev.tdeveloper.tenancy.internal.Listeners;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Builds an {@link IncidentCorrelator}. Every setting is optional (defaults in {@link
 * IncidentCorrelatorConfig}; the clock defaults to the system clock) and may be set once; listeners
 * accumulate. Not thread-safe.
 */
public final class IncidentCorrelatorBuilder {
  private InstantSource clock;
  private Duration window;
  private List<String> correlationLabels;
  private DependencyGraph dependencyGraph;
  private Integer maxOpenIncidentsPerTenant;
  private Integer maxAlertsPerIncident;
  private Integer maxResolvedPerTenant;
  private Duration resolvedRetention;
  private final List<EventListener<? super IncidentEvent>> listeners = new ArrayList<>();

  IncidentCorrelatorBuilder() {}

  /**
   * Sets the wall clock (default: the system clock).
   *
   * @return this builder
   */
  public IncidentCorrelatorBuilder clock(InstantSource clock) {
    this.clock = once(this.clock, Objects.requireNonNull(clock, "clock"), "clock");
    return this;
  }

  /**
   * Sets the correlation window (default 5 minutes, PT1S to PT24H).
   *
   * @return this builder
   */
  public IncidentCorrelatorBuilder window(Duration window) {
    this.window = once(this.window, Objects.requireNonNull(window, "window"), "window");
    return this;
  }

  /**
   * Sets the labels that correlate alerts about no tenant, the first present wins (default {@code
   * [dependency]}). @return this builder
   */
  public IncidentCorrelatorBuilder correlationLabels(List<String> labels) {
    this.correlationLabels = once(this.correlationLabels, List.copyOf(labels), "correlationLabels");
    return this;
  }

  /**
   * Sets the dependency graph for root-cause hints (default: empty).
   *
   * @return this builder
   */
  public IncidentCorrelatorBuilder dependencyGraph(DependencyGraph graph) {
    this.dependencyGraph =
        once(this.dependencyGraph, Objects.requireNonNull(graph, "graph"), "dependencyGraph");
    return this;
  }

  /**
   * Sets the open incidents one tenant may have (default 1,000).
   *
   * @return this builder
   */
  public IncidentCorrelatorBuilder maxOpenIncidentsPerTenant(int max) {
    this.maxOpenIncidentsPerTenant =
        once(this.maxOpenIncidentsPerTenant, max, "maxOpenIncidentsPerTenant");
    return this;
  }

  /**
   * Sets the alerts one incident holds (default 1,000).
   *
   * @return this builder
   */
  public IncidentCorrelatorBuilder maxAlertsPerIncident(int max) {
    this.maxAlertsPerIncident = once(this.maxAlertsPerIncident, max, "maxAlertsPerIncident");
    return this;
  }

  /**
   * Sets the resolved incidents kept per tenant (default 100).
   *
   * @return this builder
   */
  public IncidentCorrelatorBuilder maxResolvedPerTenant(int max) {
    this.maxResolvedPerTenant = once(this.maxResolvedPerTenant, max, "maxResolvedPerTenant");
    return this;
  }

  /**
   * Sets how long resolved incidents are kept (default one day).
   *
   * @return this builder
   */
  public IncidentCorrelatorBuilder resolvedRetention(Duration retention) {
    this.resolvedRetention =
        once(
            this.resolvedRetention,
            Objects.requireNonNull(retention, "retention"),
            "resolvedRetention");
    return this;
  }

  /**
   * Adds a listener for incident events.
   *
   * @return this builder
   */
  public IncidentCorrelatorBuilder listener(EventListener<? super IncidentEvent> listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
    return this;
  }

  /**
   * Builds the correlator.
   *
   * @throws IllegalArgumentException naming an invalid setting
   */
  public IncidentCorrelator build() {
    IncidentCorrelatorConfig config =
        new IncidentCorrelatorConfig(
            window == null ? IncidentCorrelatorConfig.DEFAULT_WINDOW : window,
            correlationLabels == null ? List.of(DependencyGraph.DEPENDENCY) : correlationLabels,
            dependencyGraph == null ? DependencyGraph.empty() : dependencyGraph,
            orDefault(
                maxOpenIncidentsPerTenant,
                IncidentCorrelatorConfig.DEFAULT_MAX_OPEN_INCIDENTS_PER_TENANT),
            orDefault(
                maxAlertsPerIncident, IncidentCorrelatorConfig.DEFAULT_MAX_ALERTS_PER_INCIDENT),
            orDefault(
                maxResolvedPerTenant, IncidentCorrelatorConfig.DEFAULT_MAX_RESOLVED_PER_TENANT),
            resolvedRetention == null
                ? IncidentCorrelatorConfig.DEFAULT_RESOLVED_RETENTION
                : resolvedRetention);
    return new IncidentCorrelator(
        config, clock == null ? InstantSource.system() : clock, Listeners.of(listeners));
  }

  private static int orDefault(Integer value, int fallback) {
    return value == null ? fallback : value;
  }

  private static <T> T once(T current, T value, String setting) {
    if (current != null) {
      throw new IllegalStateException("incident correlator: " + setting + " was already set");
    }
    return value;
  }
}
