package dev.tdeveloper.scaling.autoscale;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * What an autoscaler decides from: the time, every current replica (ready or not) with its samples,
 * and workload-level metrics (arrival rate, queue length) that exist even at zero replicas.
 *
 * @param time when the samples were taken
 * @param replicas every current replica, ids unique
 * @param workloadMetrics values for the whole workload, each finite and non-negative
 */
public record ScalingInput(
    Instant time, List<ReplicaSample> replicas, Map<Metric, Double> workloadMetrics) {
  /**
   * Validates and copies.
   *
   * @throws IllegalArgumentException when replica ids repeat or a workload value is negative or not
   *     finite
   */
  public ScalingInput {
    Objects.requireNonNull(time, "time");
    replicas = List.copyOf(replicas);
    Set<String> ids = new HashSet<>();
    for (ReplicaSample r : replicas) {
      if (!ids.add(r.id())) {
        throw new IllegalArgumentException(
            "replicas: id '" + r.id() + "' appears twice; allowed: unique ids");
      }
    }
    EnumMap<Metric, Double> copy = new EnumMap<>(Metric.class);
    for (Map.Entry<Metric, Double> e : workloadMetrics.entrySet()) {
      Metric m = Objects.requireNonNull(e.getKey(), "metric");
      double v = Objects.requireNonNull(e.getValue(), () -> "value of " + m.key());
      if (!Double.isFinite(v) || v < 0) {
        throw new IllegalArgumentException(
            "workload metric " + m.key() + " = " + v + "; allowed: a finite value >= 0");
      }
      copy.put(m, v);
    }
    workloadMetrics = Collections.unmodifiableMap(copy);
  }

  /**
   * Starts an input at a time.
   *
   * @param time when the samples were taken
   * @return a builder
   */
  public static Builder at(Instant time) {
    return new Builder(time);
  }

  /**
   * Replicas that exist now, ready or not (the HPA's {@code currentReplicas}).
   *
   * @return the number of replicas
   */
  public int currentReplicas() {
    return replicas.size();
  }

  /**
   * Replicas that pass their readiness check.
   *
   * @return the number of ready replicas
   */
  public int readyReplicas() {
    int n = 0;
    for (ReplicaSample r : replicas) {
      if (r.ready()) {
        n++;
      }
    }
    return n;
  }

  /**
   * A workload-level value.
   *
   * @param metric the metric
   * @return its value, or empty when not given
   */
  public OptionalDouble workload(Metric metric) {
    Double v = workloadMetrics.get(metric);
    return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
  }

  /**
   * The mean of a metric over the ready replicas that report it (what CloudWatch's average over the
   * group is to AWS step scaling).
   *
   * @param metric the metric
   * @return the mean, or empty when no ready replica reports it
   */
  public OptionalDouble averageOverReady(Metric metric) {
    double sum = 0;
    int n = 0;
    for (ReplicaSample r : replicas) {
      if (r.ready()) {
        Double v = r.metrics().get(metric);
        if (v != null) {
          sum += v;
          n++;
        }
      }
    }
    return n == 0 ? OptionalDouble.empty() : OptionalDouble.of(sum / n);
  }

  /** Builds a {@link ScalingInput}; not thread-safe. */
  public static final class Builder {
    private final Instant time;
    private final List<ReplicaSample> replicas = new ArrayList<>();
    private final Map<Metric, Double> workload = new EnumMap<>(Metric.class);

    private Builder(Instant time) {
      this.time = Objects.requireNonNull(time, "time");
    }

    /**
     * Adds a replica.
     *
     * @param sample the replica and its samples
     * @return this builder
     */
    public Builder replica(ReplicaSample sample) {
      replicas.add(Objects.requireNonNull(sample, "sample"));
      return this;
    }

    /**
     * Adds {@code count} ready replicas named {@code r0, r1, ...} (continuing the numbering) that
     * all report the same value of one metric.
     *
     * @param count how many
     * @param metric the metric
     * @param value the value each reports
     * @return this builder
     */
    public Builder readyReplicas(int count, Metric metric, double value) {
      if (count < 0) {
        throw new IllegalArgumentException("count: " + count + " is negative; allowed: >= 0");
      }
      for (int i = 0; i < count; i++) {
        replicas.add(ReplicaSample.ready("r" + replicas.size(), metric, value));
      }
      return this;
    }

    /**
     * Sets a workload-level value.
     *
     * @param metric the metric
     * @param value its value for the whole workload
     * @return this builder
     */
    public Builder workload(Metric metric, double value) {
      workload.put(Objects.requireNonNull(metric, "metric"), value);
      return this;
    }

    /**
     * Builds the input.
     *
     * @return the validated input
     * @throws IllegalArgumentException as {@link ScalingInput}'s constructor does
     */
    public ScalingInput build() {
      return new ScalingInput(time, replicas, workload);
    }
  }
}
