package dev.tdeveloper.scaling.autoscale;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One replica as an autoscaler sees it: its id, whether it is ready (serving traffic), and the
 * metric values collected from it. A metric absent from {@link #metrics()} is <em>missing</em> for
 * this replica, which the HPA rules treat differently from a zero.
 *
 * @param id the replica's name, unique within one input
 * @param ready whether the replica passes its readiness check
 * @param metrics the collected values, each finite and non-negative
 */
public record ReplicaSample(String id, boolean ready, Map<Metric, Double> metrics) {
  /**
   * Validates and copies.
   *
   * @throws IllegalArgumentException when the id is blank or a value is negative or not finite
   */
  public ReplicaSample {
    Objects.requireNonNull(id, "id");
    if (id.isBlank()) {
      throw new IllegalArgumentException("replica id: blank; allowed: a non-blank name");
    }
    Objects.requireNonNull(metrics, "metrics");
    EnumMap<Metric, Double> copy = new EnumMap<>(Metric.class);
    for (Map.Entry<Metric, Double> e : metrics.entrySet()) {
      Metric m = Objects.requireNonNull(e.getKey(), "metric");
      double v = Objects.requireNonNull(e.getValue(), () -> "value of " + m.key());
      if (!Double.isFinite(v) || v < 0) {
        throw new IllegalArgumentException(
            "replica " + id + ": metric " + m.key() + " = " + v + "; allowed: a finite value >= 0");
      }
      copy.put(m, v);
    }
    metrics = Collections.unmodifiableMap(copy);
  }

  /**
   * A ready replica with one metric.
   *
   * @param id the replica's name
   * @param metric the metric
   * @param value its value
   * @return the sample
   */
  public static ReplicaSample ready(String id, Metric metric, double value) {
    return new ReplicaSample(id, true, Map.of(metric, value));
  }

  /**
   * The value of one metric.
   *
   * @param metric the metric
   * @return its value, or empty when it is missing for this replica
   */
  public OptionalDouble value(Metric metric) {
    Double v = metrics.get(metric);
    return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
  }
}
