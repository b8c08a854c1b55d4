package dev.tdeveloper.benchmarks.scaling;

import static dev.tdeveloper.scaling.step.StepAdjustment.above;
import static dev.tdeveloper.scaling.step.StepAdjustment.below;
import static dev.tdeveloper.scaling.step.StepAdjustment.between;

import dev.tdeveloper.scaling.autoscale.Metric;
import dev.tdeveloper.scaling.autoscale.ReplicaBounds;
import dev.tdeveloper.scaling.autoscale.ReplicaSample;
import dev.tdeveloper.scaling.autoscale.ScalingDecision;
import dev.tdeveloper.scaling.autoscale.ScalingInput;
import dev.tdeveloper.scaling.hpa.MetricTarget;
import dev.tdeveloper.scaling.hpa.TargetTrackingAutoscaler;
import dev.tdeveloper.scaling.predictive.LoadSample;
import dev.tdeveloper.scaling.predictive.PredictiveAutoscaler;
import dev.tdeveloper.scaling.step.StepPolicy;
import dev.tdeveloper.scaling.step.StepScalingAutoscaler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The cost of one {@code decide} of the target-tracking (HPA), step-scaling and predictive
 * autoscalers on one per-replica utilization metric, with 10 or 200 replicas.
 *
 * <p>Inputs: 64 replica lists with utilization swinging between 0.45 and 0.95 around the 0.7 target
 * (so decisions scale both ways and the stabilization and cooldown state is exercised) are built in
 * {@link #setUp}. Autoscalers require inputs in non-decreasing time and the time is part of the
 * immutable input, so each call wraps the next prebuilt list in a {@link ScalingInput} at the next
 * time of a counter; {@link #inputOnly} measures that wrapping alone (it checks replica ids for
 * uniqueness, so it grows with the replicas): subtract it for the cost of {@code decide}.
 *
 * <p>Time advances 15 s (the HPA sync period) per call, except for the predictive autoscaler, whose
 * forecast is fitted once in {@link #setUp} from 7 days of preloaded diurnal history: its time
 * advances 100 microseconds per call, so a run stays between two refits (6 h of simulated time is
 * 216 million calls) and measures the decision, not the refit.
 *
 * <p>JMH state: one instance per benchmark thread; not shared.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class AutoscalerDecideBenchmark {
  private static final Instant START = Instant.parse("2026-01-05T00:00:00Z");
  private static final int LISTS = 64;
  private static final double CAPACITY = 100;

  /** Replicas in every input. */
  @Param({"10", "200"})
  public int replicas;

  private final List<List<ReplicaSample>> lists = new ArrayList<>();
  private final List<Map<Metric, Double>> workloads = new ArrayList<>();
  private TargetTrackingAutoscaler hpa;
  private StepScalingAutoscaler step;
  private PredictiveAutoscaler predictive;
  private int next;
  private long hpaSecond;
  private long stepSecond;
  private long predictiveMicros;
  private long baselineSecond;

  /** Builds the replica lists, the autoscalers, and the predictive autoscaler's forecast. */
  @Setup
  public void setUp() {
    for (int i = 0; i < LISTS; i++) {
      double utilization = 0.7 + 0.25 * Math.sin(2 * Math.PI * i / LISTS);
      List<ReplicaSample> list = new ArrayList<>(replicas);
      for (int r = 0; r < replicas; r++) {
        list.add(ReplicaSample.ready("pod-" + r, Metric.UTILIZATION, utilization));
      }
      lists.add(List.copyOf(list));
      workloads.add(Map.of(Metric.REQUESTS_PER_SECOND, utilization * CAPACITY * replicas));
    }
    ReplicaBounds bounds = ReplicaBounds.of(1, 4 * replicas);
    hpa = TargetTrackingAutoscaler.hpaDefaults(bounds, MetricTarget.utilization(0.7));
    step =
        StepScalingAutoscaler.builder()
            .metric(Metric.UTILIZATION)
            .scaleOut(
                StepPolicy.scaleOut(0.8)
                    .step(between(0, 0.1, 1))
                    .step(between(0.1, 0.2, 2))
                    .step(above(0.2, 4))
                    .build())
            .scaleIn(StepPolicy.scaleIn(0.5).step(below(0, -1)).build())
            .bounds(bounds)
            .cooldown(Duration.ofSeconds(300))
            .warmup(Duration.ofSeconds(60))
            .build();
    predictive =
        PredictiveAutoscaler.builder()
            .reactive(TargetTrackingAutoscaler.hpaDefaults(bounds, MetricTarget.utilization(0.7)))
            .bounds(bounds)
            .capacityPerReplica(CAPACITY)
            .targetUtilization(0.7)
            .startupTime(Duration.ofSeconds(45))
            .bucket(Duration.ofMinutes(5))
            .build();
    predictive.preload(diurnalWeek());
    predictiveMicros = Duration.ofDays(7).toNanos() / 1000;
    predictive.decide(input(START.plusNanos(predictiveMicros * 1000)));
    if (predictive.forecast().isEmpty()) {
      throw new IllegalStateException("the predictive autoscaler did not fit a forecast");
    }
  }

  /** One sample a minute for 7 days: a daily curve around the replicas' share of the load. */
  private List<LoadSample> diurnalWeek() {
    List<LoadSample> samples = new ArrayList<>();
    double mean = 0.7 * CAPACITY * replicas;
    for (long m = 0; m < 7 * 24 * 60; m++) {
      double load = mean * (1 + 0.3 * Math.sin(2 * Math.PI * m / (24 * 60)));
      samples.add(LoadSample.of(START.plusSeconds(60 * m), load));
    }
    return samples;
  }

  private ScalingInput input(Instant time) {
    int i = next;
    next = (i + 1) & (LISTS - 1);
    return new ScalingInput(time, lists.get(i), workloads.get(i));
  }

  /** Target tracking with the HPA's defaults on utilization. */
  @Benchmark
  public ScalingDecision tdeveloperTargetTracking() {
    hpaSecond += 15;
    return hpa.decide(input(START.plusSeconds(hpaSecond)));
  }

  /** AWS step scaling on utilization, with cooldown and warm-up. */
  @Benchmark
  public ScalingDecision tdeveloperStepScaling() {
    stepSecond += 15;
    return step.decide(input(START.plusSeconds(stepSecond)));
  }

  /** The predictive autoscaler over the HPA, with a fitted forecast, between refits. */
  @Benchmark
  public ScalingDecision tdeveloperPredictive() {
    predictiveMicros += 100;
    return predictive.decide(input(START.plusNanos(predictiveMicros * 1000)));
  }

  /** The floor: wrapping the next replica list in an input at the next time, no decision. */
  @Benchmark
  public ScalingInput inputOnly() {
    baselineSecond += 15;
    return input(START.plusSeconds(baselineSecond));
  }
}
