package dev.tdeveloper.security.shield;

/**
 * How often a key occurred within a {@link HeavyHitterDetector}'s window. Space-Saving counts can
 * only over-estimate a tracked key, by at most {@code error}: the true count lies between {@link
 * #guaranteed()} and {@code count}. (Events in buckets where the key was not tracked are not
 * included; there it was rarer than the bucket's least-counted tracked key.) Immutable.
 *
 * @param key the key
 * @param count the estimated count (0 when not tracked)
 * @param error the most by which {@code count} may exceed the true count
 * @param <K> the key type
 */
public record FrequencyEstimate<K>(K key, long count, long error) {
  /**
   * Validates the estimate.
   *
   * @throws IllegalArgumentException unless {@code 0 <= error <= count}
   */
  public FrequencyEstimate {
    java.util.Objects.requireNonNull(key, "key");
    if (count < 0 || error < 0 || error > count) {
      throw new IllegalArgumentException(
          "need 0 <= error <= count, was count " + count + ", error " + error);
    }
  }

  /** Returns the count the key certainly reached: {@code count - error}. */
  public long guaranteed() {
    return count - error;
  }
}
