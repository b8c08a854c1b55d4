package dev.tdeveloper.observability.metrics;

import dev.tdeveloper.tenancy.event.EventListener;
import dev.tdeveloper.tenancy.internal.Listeners;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Defines the business metrics and configures {@link BusinessMetrics}; the guard and clock may each
 * be set once. Not thread-safe; {@link #build()} copies everything, so built metrics never change
 * their definitions.
 */
public final class BusinessMetricsBuilder {
  private final Map<String, MetricDefinition> definitions = new LinkedHashMap<>();
  private final List<EventListener<? super BusinessMetricEvent>> listeners = new ArrayList<>();
  private TenantCardinalityGuard guard;
  private InstantSource clock;

  BusinessMetricsBuilder() {}

  /**
   * Defines a counter, such as {@code counter("signups_total", "Sign-ups", "signups")}.
   *
   * @throws IllegalArgumentException if the definition is invalid or the name is already defined
   */
  public BusinessMetricsBuilder counter(String name, String description, String unit) {
    return define(new MetricDefinition(name, MetricType.COUNTER, description, unit));
  }

  /**
   * Defines a gauge, such as {@code gauge("active_users", "Users active now", "users")}.
   *
   * @throws IllegalArgumentException if the definition is invalid or the name is already defined
   */
  public BusinessMetricsBuilder gauge(String name, String description, String unit) {
    return define(new MetricDefinition(name, MetricType.GAUGE, description, unit));
  }

  /**
   * Adds a definition.
   *
   * @throws IllegalArgumentException if the name is already defined
   */
  public BusinessMetricsBuilder define(MetricDefinition definition) {
    Objects.requireNonNull(definition, "definition");
    if (definitions.containsKey(definition.name())) {
      throw new IllegalArgumentException(
          "metric '" + definition.name() + "' is already defined; allowed: each name once");
    }
    definitions.put(definition.name(), definition);
    return this;
  }

  /**
   * Sets the guard bounding the tenant tags (it may be shared, e.g. with the Micrometer bridge);
   * default a guard with its own defaults.
   *
   * @throws IllegalStateException if already set
   */
  public BusinessMetricsBuilder guard(TenantCardinalityGuard guard) {
    if (this.guard != null) {
      throw new IllegalStateException("guard was already set");
    }
    this.guard = Objects.requireNonNull(guard, "guard");
    return this;
  }

  /**
   * Sets the clock that dates snapshots; default the system clock.
   *
   * @throws IllegalStateException if already set
   */
  public BusinessMetricsBuilder clock(InstantSource clock) {
    if (this.clock != null) {
      throw new IllegalStateException("clock was already set");
    }
    this.clock = Objects.requireNonNull(clock, "clock");
    return this;
  }

  /** Adds a listener for series being added and removed; may be called several times. */
  public BusinessMetricsBuilder listener(EventListener<? super BusinessMetricEvent> listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
    return this;
  }

  /**
   * Builds the metrics.
   *
   * @throws IllegalStateException if no metric is defined
   */
  public BusinessMetrics build() {
    if (definitions.isEmpty()) {
      throw new IllegalStateException("no metric defined; define at least one counter or gauge");
    }
    return new BusinessMetrics(
        List.copyOf(definitions.values()),
        guard == null ? TenantCardinalityGuard.builder().build() : guard,
        clock == null ? InstantSource.system() : clock,
        Listeners.of(listeners));
  }
}
