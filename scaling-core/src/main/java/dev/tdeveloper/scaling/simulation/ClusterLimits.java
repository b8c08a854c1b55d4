package dev.tdeveloper.scaling.simulation;

/**
 * The checks {@link SimulatedCluster.Builder} and {@link ScalingSimulator.Builder} share for the
 * cluster they describe, so both reject the same values with the same message.
 */
final class ClusterLimits {
  private ClusterLimits() {}

  static double capacityPerReplica(double requestsPerSecond) {
    if (!Double.isFinite(requestsPerSecond) || requestsPerSecond <= 0) {
      throw new IllegalArgumentException(
          "capacityPerReplica: " + requestsPerSecond + "; allowed: a finite value > 0");
    }
    return requestsPerSecond;
  }

  static int maxReplicas(int max) {
    if (max < 1) {
      throw new IllegalArgumentException("maxReplicas: " + max + "; allowed: >= 1");
    }
    return max;
  }

  static int initialReplicas(int count) {
    if (count < 0) {
      throw new IllegalArgumentException("initialReplicas: " + count + "; allowed: >= 0");
    }
    return count;
  }

  /** Throws when the replicas at the start would not fit under the limit. */
  static void initialWithinMax(int initialReplicas, int maxReplicas) {
    if (initialReplicas > maxReplicas) {
      throw new IllegalStateException(
          "initialReplicas: "
              + initialReplicas
              + " is above maxReplicas "
              + maxReplicas
              + "; allowed: initialReplicas <= maxReplicas");
    }
  }
}
