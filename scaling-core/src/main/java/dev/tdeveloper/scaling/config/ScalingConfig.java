package dev.tdeveloper.scaling.config;

import dev.tdeveloper.scaling.autoscale.Autoscaler;
import dev.tdeveloper.scaling.autoscale.ReplicaBounds;
import dev.tdeveloper.scaling.control.ScalingAlerts;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A {@code scaling.yaml} file as loaded by {@link ScalingConfigLoader}: its named autoscalers, its
 * simulation settings and its alert settings, all validated. An autoscaler holds state (history,
 * stabilization windows, cooldowns), so {@link #autoscaler(String)} builds a new one at each call:
 * one per workload or tenant. Immutable and thread-safe.
 */
public final class ScalingConfig {
  private final String source;
  private final Map<String, Recipe> autoscalers;
  private final SimulationSettings simulation;
  private final AlertSettings alerts;

  ScalingConfig(
      String source,
      Map<String, Recipe> autoscalers,
      SimulationSettings simulation,
      AlertSettings alerts) {
    this.source = source;
    this.autoscalers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(autoscalers));
    this.simulation = simulation;
    this.alerts = alerts;
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
