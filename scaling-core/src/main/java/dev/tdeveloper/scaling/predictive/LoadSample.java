package dev.tdeveloper.scaling.predictive;

import java.time.Instant;
import java.util.Objects;

/**
 * One observation of a workload's load, the arrival rate in requests per second for example, used
 * to seed a {@link PredictiveAutoscaler} with past history.
 *
 * @param time when the load was observed
 * @param value the load, finite and at least 0
 */
public record LoadSample(Instant time, double value) {
  /**
   * Validates.
   *
   * @throws IllegalArgumentException when {@code value} is negative or not finite
   */
  public LoadSample {
    Objects.requireNonNull(time, "time");
    if (!Double.isFinite(value) || value < 0) {
      throw new IllegalArgumentException(
          "load at " + time + ": " + value + "; allowed: a finite value >= 0");
    }
  }

  /**
   * A sample.
   *
   * @param time when the load was observed
   * @param value the load
   * @return the sample
   */
  public static LoadSample of(Instant time, double value) {
    return new LoadSample(time, value);
  }
}
