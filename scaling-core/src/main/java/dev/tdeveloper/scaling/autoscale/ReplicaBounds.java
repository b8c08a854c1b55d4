package dev.tdeveloper.scaling.autoscale;

/**
 * The replica range an autoscaler keeps to, as the HPA's {@code minReplicas} and {@code
 * maxReplicas}. A minimum of 0 allows scale to zero.
 *
 * @param min the fewest replicas, at least 0
 * @param max the most replicas, at least 1 and at least {@code min}
 */
public record ReplicaBounds(int min, int max) {
  /**
   * Validates the range.
   *
   * @throws IllegalArgumentException naming the bad value when {@code min < 0}, {@code max < 1} or
   *     {@code min > max}
   */
  public ReplicaBounds {
    if (min < 0) {
      throw new IllegalArgumentException("minReplicas: " + min + " is negative; allowed: >= 0");
    }
    if (max < 1) {
      throw new IllegalArgumentException("maxReplicas: " + max + " is below 1; allowed: >= 1");
    }
    if (min > max) {
      throw new IllegalArgumentException(
          "minReplicas: " + min + " is above maxReplicas " + max + "; allowed: min <= max");
    }
  }

  /**
   * A range.
   *
   * @param min the fewest replicas
   * @param max the most replicas
   * @return the bounds
   */
  public static ReplicaBounds of(int min, int max) {
    return new ReplicaBounds(min, max);
  }

  /**
   * The replica count brought into this range.
   *
   * @param replicas any count
   * @return {@code replicas} limited to {@code [min, max]}
   */
  public int clamp(long replicas) {
    return (int) Math.max(min, Math.min(max, replicas));
  }

  /**
   * Whether the count lies in this range.
   *
   * @param replicas a count
   * @return true when {@code min <= replicas <= max}
   */
  public boolean contains(int replicas) {
    return replicas >= min && replicas <= max;
  }
}
