package dev.tdeveloper.scaling.config;

import dev.tdeveloper.scaling.simulation.ScalingSimulator;
import dev.tdeveloper.scaling.simulation.SimulatedCluster;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;

/**
 * The {@code simulation:} section of {@code scaling.yaml}: the settings shared by a {@link
 * SimulatedCluster} and a {@link ScalingSimulator}. Fields the file leaves out have the builders'
 * defaults. Immutable and thread-safe; validated by the loader with the builders' own rules.
 *
 * @param startup how long a new replica takes to become ready
 * @param capacityPerReplica requests per second one replica serves within the SLO
 * @param costPerReplicaHour what one replica costs per hour, in any currency
 * @param maxReplicas the cluster's replica limit
 * @param decisionInterval how often the autoscaler decides in a replay
 * @param initialReplicas replicas running, ready, at the start
 * @param flapWindow within which a change of direction counts as a flap in a replay's report
 */
public record SimulationSettings(
    Duration startup,
    double capacityPerReplica,
    double costPerReplicaHour,
    int maxReplicas,
    Duration decisionInterval,
    int initialReplicas,
    Duration flapWindow) {

  /** Checks that no field is null. */
  public SimulationSettings {
    Objects.requireNonNull(startup, "startup");
    Objects.requireNonNull(decisionInterval, "decisionInterval");
    Objects.requireNonNull(flapWindow, "flapWindow");
  }

  /**
   * The builders' defaults: 30 s startup, 100 req/s per replica, cost 0, 1000 replicas at most, a
   * decision every 15 s, 1 initial replica, a 5 min flap window.
   *
   * @return the defaults
   */
  public static SimulationSettings defaults() {
    return new SimulationSettings(
        Duration.ofSeconds(SimulatedCluster.DEFAULT_STARTUP_SECONDS),
        SimulatedCluster.DEFAULT_CAPACITY,
        0,
        SimulatedCluster.DEFAULT_MAX_REPLICAS,
        Duration.ofSeconds(ScalingSimulator.DEFAULT_DECISION_SECONDS),
        1,
        Duration.ofSeconds(ScalingSimulator.DEFAULT_FLAP_WINDOW_SECONDS));
  }

  /**
   * A simulator builder with these settings; the caller may still set a warm-up and build.
   *
   * @return a new builder
   * @throws IllegalArgumentException if a setting breaks the builder's rules (never for settings
   *     loaded from a file, which were checked)
   */
  public ScalingSimulator.Builder simulator() {
    return ScalingSimulator.builder()
        .startupDelay(startup)
        .capacityPerReplica(capacityPerReplica)
        .costPerReplicaHour(costPerReplicaHour)
        .maxReplicas(maxReplicas)
        .decisionInterval(decisionInterval)
        .initialReplicas(initialReplicas)
        .flapWindow(flapWindow);
  }

  /**
   * A simulated cluster builder with these settings (startup, capacity, max and initial replicas).
   *
   * @param workload the workload's name, the prefix of replica ids
   * @param clock the wall clock replicas become ready by
   * @return a new builder
   */
  public SimulatedCluster.Builder cluster(String workload, InstantSource clock) {
    return SimulatedCluster.builder(workload)
        .clock(clock)
        .startupDelay(startup)
        .capacityPerReplica(capacityPerReplica)
        .maxReplicas(maxReplicas)
        .initialReplicas(initialReplicas);
  }
}
