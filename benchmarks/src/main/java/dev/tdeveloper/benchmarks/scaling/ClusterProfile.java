package dev.tdeveloper.benchmarks.scaling;

import dev.tdeveloper.scaling.autoscale.ReplicaBounds;
import dev.tdeveloper.scaling.simulation.ScalingSimulator;
import java.time.Duration;
import java.util.Objects;

/**
 * A cluster the autoscalers are replayed on, and the target they share. Immutable and thread-safe.
 *
 * @param startupDelay from asking for a replica to its readiness probe passing
 * @param capacityPerReplica requests per second one replica serves within the SLO
 * @param costPerReplicaHour the price of one replica for one hour, in US dollars
 * @param targetUtilization the HPA's {@code averageUtilization} and the predictive plan's target
 * @param bounds min and max replicas of both autoscalers and of the simulated cluster
 * @param decisionInterval how often both decide (the HPA sync period)
 */
public record ClusterProfile(
    Duration startupDelay,
    double capacityPerReplica,
    double costPerReplicaHour,
    double targetUtilization,
    ReplicaBounds bounds,
    Duration decisionInterval) {
  /** Validates. */
  public ClusterProfile {
    Objects.requireNonNull(startupDelay, "startupDelay");
    Objects.requireNonNull(bounds, "bounds");
    Objects.requireNonNull(decisionInterval, "decisionInterval");
    if (!(targetUtilization > 0 && targetUtilization <= 1)) {
      throw new IllegalArgumentException(
          "targetUtilization: " + targetUtilization + "; allowed: (0, 1]");
    }
  }

  /**
   * A JVM web service on Kubernetes, the figures the comparison is reported with.
   *
   * <ul>
   *   <li>Startup 45 s: scheduling on a node with room and a cached image (2-5 s), a Spring Boot
   *       style JVM service starting (20-30 s), and a readiness probe with a 10 s period passing.
   *   <li>100 requests/s per replica at 100% of one vCPU (10 ms of CPU per request).
   *   <li>$0.048 per replica-hour: one vCPU and 4 GiB of an on-demand m6i.large (2 vCPU, 8 GiB,
   *       $0.096/h in us-east-1).
   *   <li>Target utilization 0.7, the value most HPA examples and defaults of managed platforms
   *       use; between 1 and 200 replicas; 15 s decisions, the HPA sync period.
   * </ul>
   *
   * @return the profile
   */
  public static ClusterProfile jvmService() {
    return new ClusterProfile(
        Duration.ofSeconds(45),
        100,
        0.048,
        0.7,
        ReplicaBounds.of(1, 200),
        Duration.ofSeconds(ScalingSimulator.DEFAULT_DECISION_SECONDS));
  }

  /**
   * The same service with a fast-starting replica: {@link #jvmService()} but ready 10 s after it is
   * asked for. 10 s is what a GraalVM native image (or a CRaC-restored JVM) gets: scheduling on a
   * node with room and a cached image (2-5 s), the process serving in well under a second, and a
   * readiness probe with a 5 s period passing on its first or second try. A warm pool of
   * pre-started, idle replicas that only need to join the Service reaches the same figure.
   * Capacity, price and target are unchanged, so only the startup differs.
   *
   * @return the profile
   */
  public static ClusterProfile fastStart() {
    ClusterProfile jvm = jvmService();
    return new ClusterProfile(
        Duration.ofSeconds(10),
        jvm.capacityPerReplica(),
        jvm.costPerReplicaHour(),
        jvm.targetUtilization(),
        jvm.bounds(),
        jvm.decisionInterval());
  }

  /**
   * The replicas that serve {@code load} at the target utilization: where a trace starts.
   *
   * @param load requests per second
   * @return the count, within the bounds
   */
  public int replicasFor(double load) {
    return bounds.clamp((long) Math.ceil(load / (capacityPerReplica * targetUtilization)));
  }
}
