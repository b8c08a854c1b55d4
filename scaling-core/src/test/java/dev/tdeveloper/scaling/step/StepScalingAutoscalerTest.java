package dev.tdeveloper.scaling.step;

import static dev.tdeveloper.scaling.step.StepAdjustment.above;
import static dev.tdeveloper.scaling.step.StepAdjustment.below;
import static dev.tdeveloper.scaling.step.StepAdjustment.between;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.scaling.autoscale.Metric;
import dev.tdeveloper.scaling.autoscale.ReplicaBounds;
import dev.tdeveloper.scaling.autoscale.ReplicaSample;
import dev.tdeveloper.scaling.autoscale.ScalingDecision;
import dev.tdeveloper.scaling.autoscale.ScalingInput;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StepScalingAutoscalerTest {
  static final Metric M = Metric.LATENCY_MILLIS;
  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  static StepPolicy out() {
    return StepPolicy.scaleOut(50)
        .step(between(0, 10, 1))
        .step(between(10, 20, 2))
        .step(above(20, 3))
        .build();
  }

  static StepPolicy in() {
    return StepPolicy.scaleIn(30).step(below(-10, -2)).step(between(-10, 0, -1)).build();
  }

  static StepScalingAutoscaler.Builder builder() {
    return StepScalingAutoscaler.builder()
        .metric(M)
        .scaleOut(out())
        .scaleIn(in())
        .bounds(ReplicaBounds.of(1, 20))
        .cooldown(Duration.ofSeconds(300))
        .warmup(Duration.ofSeconds(120));
  }

  static ScalingInput at(long seconds, int replicas, double value) {
    return ScalingInput.at(T0.plusSeconds(seconds)).readyReplicas(replicas, M, value).build();
  }

  @Test
  void breachAboveThresholdAppliesTheMatchingStep() {
    ScalingDecision d = builder().build().decide(at(0, 10, 75));
    assertThat(d.desiredReplicas()).isEqualTo(13);
    assertThat(d.hasReason("step.breach")).isTrue();
    assertThat(d.hasReason("step.adjust")).isTrue();
  }

  @Test
  void scaleOutStepsIncludeTheLowerBoundAndExcludeTheUpper() {
    assertThat(builder().build().decide(at(0, 10, 60)).desiredReplicas()).isEqualTo(12);
    assertThat(builder().build().decide(at(0, 10, 50)).desiredReplicas()).isEqualTo(11);
    assertThat(builder().build().decide(at(0, 10, 59.99)).desiredReplicas()).isEqualTo(11);
  }

  @Test
  void scaleInStepsExcludeTheLowerBoundAndIncludeTheUpper() {
    assertThat(builder().build().decide(at(0, 10, 20)).desiredReplicas()).isEqualTo(8);
    assertThat(builder().build().decide(at(0, 10, 30)).desiredReplicas()).isEqualTo(9);
    assertThat(builder().build().decide(at(0, 10, 20.01)).desiredReplicas()).isEqualTo(9);
  }

  @Test
  void metricBetweenTheThresholdsChangesNothing() {
    ScalingDecision d = builder().build().decide(at(0, 10, 40));
    assertThat(d.desiredReplicas()).isEqualTo(10);
    assertThat(d.hasReason("step.no-breach")).isTrue();
  }

  @Test
  void exactCapacitySetsTheCount() {
    StepPolicy exact =
        StepPolicy.scaleOut(50)
            .adjustmentType(AdjustmentType.EXACT_CAPACITY)
            .step(between(0, 10, 12))
            .step(above(10, 15))
            .build();
    var a = StepScalingAutoscaler.builder().metric(M).scaleOut(exact);
    assertThat(a.bounds(ReplicaBounds.of(1, 20)).build().decide(at(0, 4, 70)).desiredReplicas())
        .isEqualTo(15);
  }

  @Test
  void percentChangeRoundsAsAws() {
    assertThat(AdjustmentType.roundPercent(0.4)).isEqualTo(1);
    assertThat(AdjustmentType.roundPercent(2.5)).isEqualTo(2);
    assertThat(AdjustmentType.roundPercent(-0.4)).isEqualTo(-1);
    assertThat(AdjustmentType.roundPercent(-2.5)).isEqualTo(-2);
    assertThat(AdjustmentType.roundPercent(3.0)).isEqualTo(3);
    StepPolicy pct =
        StepPolicy.scaleOut(50)
            .adjustmentType(AdjustmentType.PERCENT_CHANGE_IN_CAPACITY)
            .step(above(0, 25))
            .build();
    var a = StepScalingAutoscaler.builder().metric(M).scaleOut(pct).bounds(ReplicaBounds.of(1, 50));
    assertThat(a.build().decide(at(0, 10, 60)).desiredReplicas()).isEqualTo(12);
  }

  @Test
  void minAdjustmentMagnitudeRaisesSmallPercentChanges() {
    StepPolicy pct =
        StepPolicy.scaleIn(30)
            .adjustmentType(AdjustmentType.PERCENT_CHANGE_IN_CAPACITY)
            .minAdjustmentMagnitude(2)
            .step(below(0, -10))
            .build();
    var a = StepScalingAutoscaler.builder().metric(M).scaleIn(pct).bounds(ReplicaBounds.of(0, 50));
    ScalingDecision d = a.build().decide(at(0, 4, 10));
    assertThat(d.desiredReplicas()).isEqualTo(2);
    assertThat(d.hasReason("step.min-magnitude")).isTrue();
  }

  @Test
  void cooldownRefusesScaleInButNotScaleOutAfterAnActivity() {
    StepScalingAutoscaler a = builder().warmup(Duration.ZERO).build();
    assertThat(a.decide(at(0, 10, 55)).desiredReplicas()).isEqualTo(11);
    ScalingDecision refused = a.decide(at(60, 11, 10));
    assertThat(refused.desiredReplicas()).isEqualTo(11);
    assertThat(refused.hasReason("step.cooldown")).isTrue();
    assertThat(a.decide(at(120, 11, 55)).desiredReplicas()).isEqualTo(12);
    assertThat(a.decide(at(419, 12, 10)).desiredReplicas()).isEqualTo(12);
    assertThat(a.decide(at(420, 12, 10)).desiredReplicas()).isEqualTo(10);
  }

  @Test
  void aLargerStepWhileWarmingAddsOnlyTheDifference() {
    StepScalingAutoscaler a = builder().build();
    assertThat(a.decide(at(0, 10, 55)).desiredReplicas()).isEqualTo(11);
    // The new replica r10 warms; the same step again adds nothing, a +3 step only 2 more.
    ScalingDecision same = a.decide(at(30, 11, 55));
    assertThat(same.desiredReplicas()).isEqualTo(11);
    assertThat(same.hasReason("step.warmup")).isTrue();
    assertThat(a.decide(at(60, 11, 75)).desiredReplicas()).isEqualTo(13);
  }

  @Test
  void warmReplicasAloneMakeTheAverage() {
    StepScalingAutoscaler a = builder().build();
    a.decide(at(0, 2, 40));
    ScalingInput withNew =
        ScalingInput.at(T0.plusSeconds(10))
            .readyReplicas(2, M, 40)
            .replica(new ReplicaSample("fresh", true, Map.of(M, 500.0)))
            .build();
    assertThat(a.decide(withNew).desiredReplicas()).isEqualTo(3);
    ScalingInput warmed =
        ScalingInput.at(T0.plusSeconds(130))
            .readyReplicas(2, M, 40)
            .replica(new ReplicaSample("fresh", true, Map.of(M, 500.0)))
            .build();
    assertThat(a.decide(warmed).desiredReplicas()).isEqualTo(6);
  }

  @Test
  void workloadMetricDrivesTheSteps() {
    var a =
        StepScalingAutoscaler.builder()
            .workloadMetric(Metric.QUEUE_DEPTH)
            .scaleOut(out())
            .bounds(ReplicaBounds.of(1, 20))
            .build();
    ScalingInput in =
        ScalingInput.at(T0).readyReplicas(3, M, 1).workload(Metric.QUEUE_DEPTH, 65).build();
    assertThat(a.decide(in).desiredReplicas()).isEqualTo(5);
  }

  @Test
  void decisionsStayWithinBounds() {
    var a = builder().bounds(ReplicaBounds.of(9, 12)).build();
    ScalingDecision up = a.decide(at(0, 10, 90));
    assertThat(up.desiredReplicas()).isEqualTo(12);
    assertThat(up.hasReason("bounds.max")).isTrue();
    var b = builder().bounds(ReplicaBounds.of(9, 12)).build();
    ScalingDecision down = b.decide(at(0, 10, 0));
    assertThat(down.desiredReplicas()).isEqualTo(9);
    assertThat(down.hasReason("bounds.min")).isTrue();
  }

  @Test
  void missingMetricKeepsTheCount() {
    ScalingInput none = ScalingInput.at(T0).readyReplicas(3, Metric.UTILIZATION, 0.9).build();
    ScalingDecision d = builder().build().decide(none);
    assertThat(d.desiredReplicas()).isEqualTo(3);
    assertThat(d.hasReason("step.no-metric")).isTrue();
  }

  @Test
  void refusesAnInputOlderThanThePreviousAndKeepsItsState() {
    StepScalingAutoscaler a = builder().warmup(Duration.ZERO).build();
    a.decide(at(100, 10, 55));
    assertThatThrownBy(() -> a.decide(at(50, 10, 10)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2026-01-01T00:00:50Z")
        .hasMessageContaining("2026-01-01T00:01:40Z");
    // The cooldown from t=100 still holds: the refused input did not count as an activity.
    assertThat(a.decide(at(399, 11, 10)).hasReason("step.cooldown")).isTrue();
  }
}
