package dev.tdeveloper.scaling.spi;

import dev.tdeveloper.scaling.autoscale.ScalingInput;

/**
 * One scalable workload on a platform: reports its replicas and their metric samples, and accepts a
 * new desired count. Kubernetes' scale subresource plus the metrics API, or an AWS Auto Scaling
 * group plus CloudWatch, implement it; {@code SimulatedCluster} is the default.
 *
 * <p>Implementations are thread-safe. {@link #scale} is asynchronous: replicas appear (after their
 * startup time) or go away later, and {@link #state()} shows the progress.
 */
public interface ScalingBackend {
  /**
   * Names the workload, {@code "demo-web"} for example.
   *
   * @return a stable name
   */
  String workload();

  /**
   * The counts now.
   *
   * @return desired, current and ready replicas
   */
  ReplicaState state();

  /**
   * Samples every current replica and the workload's own metrics now.
   *
   * @return the input an autoscaler decides from
   */
  ScalingInput observe();

  /**
   * Asks for a replica count; idempotent.
   *
   * @param desiredReplicas the count wanted, at least 0
   * @throws IllegalArgumentException when {@code desiredReplicas} is negative or above what the
   *     platform allows, naming the value and the limit
   * @throws dev.tdeveloper.scaling.ScalingException when the platform refuses or cannot be reached
   */
  void scale(int desiredReplicas);
}
