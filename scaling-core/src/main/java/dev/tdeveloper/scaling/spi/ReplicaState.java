package dev.tdeveloper.scaling.spi;

/**
 * A workload's replica counts as its platform reports them.
 *
 * @param desired the count last asked for
 * @param current replicas that exist, starting or ready
 * @param ready replicas that pass their readiness check
 */
public record ReplicaState(int desired, int current, int ready) {
  /**
   * Validates.
   *
   * @throws IllegalArgumentException when a count is negative or {@code ready > current}
   */
  public ReplicaState {
    if (desired < 0 || current < 0 || ready < 0) {
      throw new IllegalArgumentException(
          "replica counts: desired "
              + desired
              + ", current "
              + current
              + ", ready "
              + ready
              + "; allowed: all >= 0");
    }
    if (ready > current) {
      throw new IllegalArgumentException(
          "ready: " + ready + " is above current " + current + "; allowed: ready <= current");
    }
  }
}
