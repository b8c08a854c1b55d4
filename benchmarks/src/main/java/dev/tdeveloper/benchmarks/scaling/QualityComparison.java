package dev.tdeveloper.benchmarks.scaling;

import dev.tdeveloper.scaling.hpa.MetricTarget;
import dev.tdeveloper.scaling.hpa.TargetTrackingAutoscaler;
import dev.tdeveloper.scaling.predictive.ForecastError;
import dev.tdeveloper.scaling.predictive.PredictiveAutoscaler;
import dev.tdeveloper.scaling.simulation.ScalingSimulator;
import dev.tdeveloper.scaling.simulation.SimulationReport;
import dev.tdeveloper.scaling.simulation.WorkloadTrace;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Replays one trace through the HPA and through the predictive autoscaler built on the same HPA, on
 * the same {@link ClusterProfile}, and measures both after the same warm-up. Stateless apart from
 * its settings; thread-safe (every {@link #compare} builds fresh autoscalers).
 *
 * <p>The HPA tracks {@link MetricTarget#utilization per-replica CPU utilization}: it is what an HPA
 * user configures first (a Resource metric needs no metrics adapter, unlike requests/s as a Pods
 * metric), and on the simulated cluster both read the same saturating signal (utilization caps at
 * 100% as served requests/s cap at the capacity), so the choice does not favour either side.
 */
public final class QualityComparison {
  /** The history bucket of the predictive autoscaler: {@value} minutes. */
  public static final int BUCKET_MINUTES = 5;

  private final ClusterProfile profile;
  private final Duration warmUp;

  /**
   * Sets up the comparison.
   *
   * @param profile the cluster and the shared target
   * @param warmUp the leading part of every trace replayed but not measured (the predictive
   *     autoscaler learns from it; both autoscalers see it)
   */
  public QualityComparison(ClusterProfile profile, Duration warmUp) {
    this.profile = Objects.requireNonNull(profile, "profile");
    this.warmUp = Objects.requireNonNull(warmUp, "warmUp");
  }

  /**
   * What one trace measured for both autoscalers.
   *
   * @param trace the trace's name
   * @param hpa the HPA's report
   * @param predictive the predictive autoscaler's report
   * @param forecastError the predictive autoscaler's forecast error at the end of the trace
   */
  public record Result(
      String trace,
      SimulationReport hpa,
      SimulationReport predictive,
      Optional<ForecastError> forecastError) {
    /**
     * Predictive / HPA SLO-violation minutes.
     *
     * @return the ratio, or empty when the HPA had no violation (the ratio is then undefined)
     */
    public OptionalDouble violationRatio() {
      return hpa.sloViolationMinutes() == 0
          ? OptionalDouble.empty()
          : OptionalDouble.of(predictive.sloViolationMinutes() / hpa.sloViolationMinutes());
    }

    /**
     * Predictive / HPA replica-hours.
     *
     * @return the ratio
     */
    public double replicaHoursRatio() {
      return predictive.replicaHours() / hpa.replicaHours();
    }

    /**
     * Whether the goal holds: at most half the violation minutes (or none when the HPA had
     * none) at no more than 1.05x the replica-hours.
     *
     * @return true when met
     */
    public boolean goalMet() {
      boolean violations =
          hpa.sloViolationMinutes() == 0
              ? predictive.sloViolationMinutes() == 0
              : violationRatio().getAsDouble() <= 0.5;
      return violations && replicaHoursRatio() <= 1.05;
    }
  }

  /**
   * The HPA of the comparison: HPA defaults (tolerance 0.1, default behavior) on utilization.
   *
   * @return a fresh autoscaler
   */
  public TargetTrackingAutoscaler hpa() {
    return TargetTrackingAutoscaler.hpaDefaults(
        profile.bounds(), MetricTarget.utilization(profile.targetUtilization()));
  }

  /**
   * The predictive autoscaler of the comparison, over a fresh {@link #hpa()} as its floor.
   *
   * @return a fresh autoscaler with an empty history
   */
  public PredictiveAutoscaler predictive() {
    return PredictiveAutoscaler.builder()
        .reactive(hpa())
        .bounds(profile.bounds())
        .capacityPerReplica(profile.capacityPerReplica())
        .targetUtilization(profile.targetUtilization())
        .startupTime(profile.startupDelay())
        .decisionInterval(profile.decisionInterval())
        .bucket(Duration.ofMinutes(BUCKET_MINUTES))
        .build();
  }

  /**
   * Replays the trace through both autoscalers.
   *
   * @param name the trace's name, for the report
   * @param trace the offered load, longer than the warm-up
   * @return both reports and the forecast error
   */
  public Result compare(String name, WorkloadTrace trace) {
    ScalingSimulator simulator =
        ScalingSimulator.builder()
            .decisionInterval(profile.decisionInterval())
            .startupDelay(profile.startupDelay())
            .capacityPerReplica(profile.capacityPerReplica())
            .costPerReplicaHour(profile.costPerReplicaHour())
            .initialReplicas(profile.replicasFor(trace.points().get(0).requestsPerSecond()))
            .maxReplicas(profile.bounds().max())
            .warmUp(warmUp)
            .build();
    SimulationReport hpa = simulator.run(trace, hpa());
    PredictiveAutoscaler predictive = predictive();
    SimulationReport predicted = simulator.run(trace, predictive);
    return new Result(name, hpa, predicted, predictive.forecastError());
  }
}
