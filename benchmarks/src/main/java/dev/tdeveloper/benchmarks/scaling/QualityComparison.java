package dev.tdeveloper.benchmarks.scaling;

import dev.tdeveloper.scaling.autoscale.Autoscaler;
import dev.tdeveloper.scaling.autoscale.Metric;
import dev.tdeveloper.scaling.hpa.MetricTarget;
import dev.tdeveloper.scaling.hpa.TargetTrackingAutoscaler;
import dev.tdeveloper.scaling.predictive.ForecastError;
import dev.tdeveloper.scaling.predictive.PredictiveAutoscaler;
import dev.tdeveloper.scaling.simulation.ScalingSimulator;
import dev.tdeveloper.scaling.simulation.SimulationReport;
import dev.tdeveloper.scaling.simulation.WorkloadTrace;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Replays one trace through the HPA, the predictive autoscaler built on the same HPA, an HPA
 * variant on the arrival rate ({@link #hpaOnRequests()}) and the {@link OracleReactiveAutoscaler}
 * floor, on the same {@link ClusterProfile}, and measures all four after the same warm-up.
 * Stateless apart from its settings; thread-safe (every {@link #compare} builds fresh autoscalers).
 *
 * <p>The HPA tracks {@link MetricTarget#utilization per-replica CPU utilization}: it is what an HPA
 * user configures first (a Resource metric needs no metrics adapter, unlike requests/s as a Pods
 * metric), and on the simulated cluster both read the same saturating signal (utilization caps at
 * 100% as served requests/s cap at the capacity), so the choice does not favour either side.
 */
public final class QualityComparison {
  /** The history bucket of the predictive autoscaler: {@value} minutes. */
  public static final int BUCKET_MINUTES = 5;

  /** Row label of the HPA on utilization: {@value}. */
  public static final String HPA = "HPA";

  /** Row label of the HPA on requests/s per replica: {@value}. */
  public static final String HPA_REQUESTS = "HPA req/s";

  /** Row label of the predictive autoscaler: {@value}. */
  public static final String PREDICTIVE = "predictive";

  /** Row label of the predictive autoscaler over the HPA on requests/s: {@value}. */
  public static final String PREDICTIVE_REQUESTS = "predictive req/s";

  /** Row label of the oracle reactive floor: {@value}. */
  public static final String FLOOR = "oracle floor";

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
   * What one trace measured for every autoscaler.
   *
   * @param trace the trace's name
   * @param hpa the HPA's report (utilization target: the comparison of the issue)
   * @param hpaRequests the report of the HPA variant on the workload's requests/s per replica
   * @param predictive the predictive autoscaler's report
   * @param predictiveRequests the report of the predictive autoscaler over {@link #hpaOnRequests()}
   * @param floor the {@link OracleReactiveAutoscaler}'s report: the physical floor
   * @param forecastError the predictive autoscaler's forecast error at the end of the trace
   * @param steps each autoscaler's responses to recurring and unannounced load steps, by row label
   *     ({@link #HPA}, {@link #HPA_REQUESTS}, {@link #PREDICTIVE}, {@link #PREDICTIVE_REQUESTS},
   *     {@link #FLOOR})
   */
  public record Result(
      String trace,
      SimulationReport hpa,
      SimulationReport hpaRequests,
      SimulationReport predictive,
      SimulationReport predictiveRequests,
      SimulationReport floor,
      Optional<ForecastError> forecastError,
      Map<String, StepResponses.Split> steps) {
    /** Copies the steps. */
    public Result {
      steps = Collections.unmodifiableMap(new LinkedHashMap<>(steps));
    }

    /**
     * The reports in table order, by row label.
     *
     * @return HPA, HPA on requests/s, predictive, predictive on requests/s, floor
     */
    public Map<String, SimulationReport> reports() {
      Map<String, SimulationReport> rows = new LinkedHashMap<>();
      rows.put(HPA, hpa);
      rows.put(HPA_REQUESTS, hpaRequests);
      rows.put(PREDICTIVE, predictive);
      rows.put(PREDICTIVE_REQUESTS, predictiveRequests);
      rows.put(FLOOR, floor);
      return rows;
    }

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
   * The HPA variant on the arrival rate: HPA defaults with a {@link
   * MetricTarget#workloadAverageValue workload average value} target of {@code capacity x target}
   * requests/s per replica on the workload's {@link Metric#REQUESTS_PER_SECOND} (an External metric
   * with {@code type: AverageValue}). Unlike utilization, which caps at 100% when replicas
   * saturate, the offered rate shows the whole step, so one decision can ask for all of it.
   *
   * @return a fresh autoscaler
   */
  public TargetTrackingAutoscaler hpaOnRequests() {
    return TargetTrackingAutoscaler.hpaDefaults(
        profile.bounds(),
        MetricTarget.workloadAverageValue(
            Metric.REQUESTS_PER_SECOND,
            profile.capacityPerReplica() * profile.targetUtilization()));
  }

  /**
   * The predictive autoscaler of the comparison, over a fresh {@link #hpa()} as its floor.
   *
   * @return a fresh autoscaler with an empty history
   */
  public PredictiveAutoscaler predictive() {
    return predictiveOver(hpa());
  }

  /**
   * The predictive autoscaler over a fresh {@link #hpaOnRequests()}: the same forecast, with a
   * reactive floor that sees a whole unannounced step at once.
   *
   * @return a fresh autoscaler with an empty history
   */
  public PredictiveAutoscaler predictiveOnRequests() {
    return predictiveOver(hpaOnRequests());
  }

  private PredictiveAutoscaler predictiveOver(TargetTrackingAutoscaler reactive) {
    return PredictiveAutoscaler.builder()
        .reactive(reactive)
        .bounds(profile.bounds())
        .capacityPerReplica(profile.capacityPerReplica())
        .targetUtilization(profile.targetUtilization())
        .startupTime(profile.startupDelay())
        .decisionInterval(profile.decisionInterval())
        .bucket(Duration.ofMinutes(BUCKET_MINUTES))
        .build();
  }

  /**
   * Replays the trace through the HPA, the HPA on requests/s, the predictive autoscaler and the
   * oracle floor.
   *
   * @param name the trace's name, for the report
   * @param trace the offered load, longer than the warm-up
   * @return the reports, the step responses and the forecast error
   */
  public Result compare(String name, WorkloadTrace trace) {
    int initial = profile.replicasFor(trace.points().get(0).requestsPerSecond());
    ScalingSimulator simulator =
        ScalingSimulator.builder()
            .decisionInterval(profile.decisionInterval())
            .startupDelay(profile.startupDelay())
            .capacityPerReplica(profile.capacityPerReplica())
            .costPerReplicaHour(profile.costPerReplicaHour())
            .initialReplicas(initial)
            .maxReplicas(profile.bounds().max())
            .warmUp(warmUp)
            .build();
    long reportFrom = trace.start().plus(warmUp).getEpochSecond();
    Map<String, StepResponses.Split> steps = new LinkedHashMap<>();
    Map<String, SimulationReport> reports = new LinkedHashMap<>();
    PredictiveAutoscaler predictive = predictive();
    Map<String, Autoscaler> autoscalers = new LinkedHashMap<>();
    autoscalers.put(HPA, hpa());
    autoscalers.put(HPA_REQUESTS, hpaOnRequests());
    autoscalers.put(PREDICTIVE, predictive);
    autoscalers.put(PREDICTIVE_REQUESTS, predictiveOnRequests());
    autoscalers.put(FLOOR, new OracleReactiveAutoscaler(profile));
    for (Map.Entry<String, Autoscaler> e : autoscalers.entrySet()) {
      DecisionLog log = new DecisionLog(e.getValue());
      reports.put(e.getKey(), simulator.run(trace, log));
      steps.put(e.getKey(), StepResponses.measure(trace, profile, reportFrom, initial, log));
    }
    return new Result(
        name,
        reports.get(HPA),
        reports.get(HPA_REQUESTS),
        reports.get(PREDICTIVE),
        reports.get(PREDICTIVE_REQUESTS),
        reports.get(FLOOR),
        predictive.forecastError(),
        steps);
  }
}
