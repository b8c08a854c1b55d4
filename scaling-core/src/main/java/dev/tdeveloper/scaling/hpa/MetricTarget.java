package dev.tdeveloper.scaling.hpa;

import dev.tdeveloper.scaling.autoscale.Metric;
import java.util.Objects;

/**
 * One metric a {@link TargetTrackingAutoscaler} tracks and the value it aims for, as an entry of
 * the HPA's {@code spec.metrics}. Immutable and thread-safe.
 *
 * <ul>
 *   <li>{@link Kind#UTILIZATION}: a Resource metric with a target average utilization, read per
 *       replica from {@link Metric#UTILIZATION} (a fraction: 0.6 is 60%).
 *   <li>{@link Kind#AVERAGE_VALUE}: a Pods (or Resource) metric with a target average value per
 *       replica.
 *   <li>{@link Kind#WORKLOAD_VALUE}: an Object or External metric with a target total value, read
 *       from the input's workload metrics.
 *   <li>{@link Kind#WORKLOAD_AVERAGE_VALUE}: an Object or External metric whose workload total is
 *       divided by the replica count before it is compared with the target.
 * </ul>
 *
 * @param kind how the target is compared with the samples
 * @param metric the metric read
 * @param target the target value, finite and above 0 (a fraction for utilization)
 */
public record MetricTarget(Kind kind, Metric metric, double target) {

  /** How a target is compared with the samples, as the HPA's metric source and target type. */
  public enum Kind {
    /** Average utilization per replica (Resource metric, {@code type: Utilization}). */
    UTILIZATION,
    /** Average value per replica (Pods metric, {@code type: AverageValue}). */
    AVERAGE_VALUE,
    /** Workload total (Object or External metric, {@code type: Value}). */
    WORKLOAD_VALUE,
    /** Workload total per replica (Object or External metric, {@code type: AverageValue}). */
    WORKLOAD_AVERAGE_VALUE;

    /**
     * Whether this kind reads the replicas' samples rather than the workload metrics.
     *
     * @return true for {@link #UTILIZATION} and {@link #AVERAGE_VALUE}
     */
    public boolean perReplica() {
      return this == UTILIZATION || this == AVERAGE_VALUE;
    }
  }

  /**
   * Validates.
   *
   * @throws IllegalArgumentException naming the value when the target is not finite and above 0, or
   *     when a utilization target is given for another metric than {@link Metric#UTILIZATION}
   */
  public MetricTarget {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(metric, "metric");
    if (!Double.isFinite(target) || target <= 0) {
      throw new IllegalArgumentException(
          "target of " + metric.key() + ": " + target + "; allowed: a finite value > 0");
    }
    if (kind == Kind.UTILIZATION && metric != Metric.UTILIZATION) {
      throw new IllegalArgumentException(
          "metric: "
              + metric.key()
              + " with a utilization target; allowed: utilization (use averageValue otherwise)");
    }
  }

  /**
   * Target average utilization per replica, as the HPA's {@code averageUtilization}.
   *
   * @param averageUtilization the fraction to aim for, 0.6 for 60%
   * @return the target
   */
  public static MetricTarget utilization(double averageUtilization) {
    return new MetricTarget(Kind.UTILIZATION, Metric.UTILIZATION, averageUtilization);
  }

  /**
   * Target average value per replica of any metric, as a Pods metric's {@code averageValue}.
   *
   * @param metric the metric each replica reports
   * @param averageValue the value per replica to aim for
   * @return the target
   */
  public static MetricTarget averageValue(Metric metric, double averageValue) {
    return new MetricTarget(Kind.AVERAGE_VALUE, metric, averageValue);
  }

  /**
   * Target total value of a workload metric, as an External metric's {@code value}.
   *
   * @param metric the workload metric
   * @param value the total to aim for
   * @return the target
   */
  public static MetricTarget workloadValue(Metric metric, double value) {
    return new MetricTarget(Kind.WORKLOAD_VALUE, metric, value);
  }

  /**
   * Target value per replica of a workload metric, as an External metric's {@code averageValue}.
   *
   * @param metric the workload metric
   * @param averageValue the share of the total each replica should carry
   * @return the target
   */
  public static MetricTarget workloadAverageValue(Metric metric, double averageValue) {
    return new MetricTarget(Kind.WORKLOAD_AVERAGE_VALUE, metric, averageValue);
  }
}
