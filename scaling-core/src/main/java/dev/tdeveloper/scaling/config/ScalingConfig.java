package dev.tdeveloper.scaling.config;

import dev.tdeveloper.scaling.autoscale.Autoscaler;
import dev.tdeveloper.scaling.autoscale.ReplicaBounds;
import dev.tdeveloper.scaling.control.ScalingAlerts;
import dev.tdeveloper.scaling.resilience.DependencyPolicies;
import dev.tdeveloper.scaling.resilience.DependencyPolicy;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A {@code scaling.yaml} file as loaded by {@link ScalingConfigLoader}: its named autoscalers, its
 * simulation and alert settings, its health check settings and its dependency policies, all
 * validated. An autoscaler holds state (history, stabilization windows, cooldowns), so {@link
 * #autoscaler(String)} builds a new one at each call: one per workload or tenant. Immutable and
 * thread-safe.
 */
public final class ScalingConfig {
  private final String source;
  private final Map<String, Recipe> autoscalers;
  private final SimulationSettings simulation;
  private final AlertSettings alerts;
  private final HealthSettings health;
  private final Map<String, Supplier<DependencyPolicy.Builder>> dependencies;

  ScalingConfig(
      String source,
      Map<String, Recipe> autoscalers,
      SimulationSettings simulation,
      AlertSettings alerts,
      HealthSettings health,
      Map<String, Supplier<DependencyPolicy.Builder>> dependencies) {
    this.source = source;
    this.autoscalers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(autoscalers));
    this.simulation = simulation;
    this.alerts = alerts;
    this.health = health;
    this.dependencies = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(dependencies));
  }

  /**
   * The file's name, as given to the loader.
   *
   * @return the source name
   */
  public String source() {
    return source;
  }

  /**
   * The names of the file's autoscalers, in file order.
   *
   * @return the names, unmodifiable
   */
  public Set<String> autoscalerNames() {
    return autoscalers.keySet();
  }

  /**
   * Builds a new instance of the autoscaler {@code name}, with empty state.
   *
   * @param name a name of {@link #autoscalerNames()}
   * @return a new autoscaler
   * @throws IllegalArgumentException naming the known autoscalers when {@code name} is not one
   */
  public Autoscaler autoscaler(String name) {
    return recipe(name).build();
  }

  /**
   * The replica range of the autoscaler {@code name} (its {@code minReplicas} and {@code
   * maxReplicas}).
   *
   * @param name a name of {@link #autoscalerNames()}
   * @return the bounds
   * @throws IllegalArgumentException naming the known autoscalers when {@code name} is not one
   */
  public ReplicaBounds bounds(String name) {
    return recipe(name).bounds();
  }

  /**
   * The {@code simulation:} settings (defaults when the file has no such section).
   *
   * @return the settings
   */
  public SimulationSettings simulation() {
    return simulation;
  }

  /**
   * The {@code alerts:} settings (defaults when the file has no such section).
   *
   * @return the settings
   */
  public AlertSettings alerts() {
    return alerts;
  }

  /**
   * Alerts for the autoscaler {@code name}: the {@code alerts:} settings, its {@code maxReplicas}
   * and the metrics it reads.
   *
   * @param name a name of {@link #autoscalerNames()}
   * @param clock the wall clock alerts are timed by
   * @return new alerts, none active
   * @throws IllegalArgumentException naming the known autoscalers when {@code name} is not one
   */
  public ScalingAlerts alerts(String name, InstantSource clock) {
    Recipe recipe = recipe(name);
    return alerts
        .builder(clock)
        .maxReplicas(recipe.bounds().max())
        .metrics(recipe.metrics())
        .build();
  }

  /**
   * The {@code health:} settings (none when the file has no such section).
   *
   * @return the check settings and groups
   */
  public HealthSettings health() {
    return health;
  }

  /**
   * The names of the {@code dependencies:}, in file order.
   *
   * @return the names, unmodifiable
   */
  public Set<String> dependencyNames() {
    return dependencies.keySet();
  }

  /**
   * A new policy builder for dependency {@code name}, set as the file says; the caller may add what
   * a file cannot hold (a fallback) before building.
   *
   * @param name a name of {@link #dependencyNames()}
   * @return a new builder
   * @throws IllegalArgumentException naming the known dependencies when {@code name} is not one
   */
  public DependencyPolicy.Builder dependency(String name) {
    Supplier<DependencyPolicy.Builder> factory =
        dependencies.get(Objects.requireNonNull(name, "name"));
    if (factory == null) {
      throw new IllegalArgumentException(
          "dependency: no dependency named '"
              + name
              + "' in "
              + source
              + "; allowed: one of "
              + dependencies.keySet());
    }
    return factory.get();
  }

  /**
   * A {@link DependencyPolicies} builder holding every dependency of the file; the caller adds
   * listeners, a ticker and tenant limits, then builds.
   *
   * @return a new builder
   */
  public DependencyPolicies.Builder dependencyPolicies() {
    DependencyPolicies.Builder builder = DependencyPolicies.builder();
    dependencies.values().forEach(f -> builder.policy(f.get().build()));
    return builder;
  }

  private Recipe recipe(String name) {
    Recipe recipe = autoscalers.get(Objects.requireNonNull(name, "name"));
    if (recipe == null) {
      throw new IllegalArgumentException(
          "autoscaler: no autoscaler named '"
              + name
              + "' in "
              + source
              + "; allowed: one of "
              + autoscalers.keySet());
    }
    return recipe;
  }

  @Override
  public String toString() {
    return "ScalingConfig[" + source + ", autoscalers " + autoscalers.keySet() + "]";
  }
}
