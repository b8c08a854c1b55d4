package dev.tdeveloper.scaling.hpa;

import static dev.tdeveloper.scaling.hpa.Inputs.util;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.scaling.autoscale.ReplicaBounds;
import dev.tdeveloper.scaling.autoscale.ScalingDecision;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** One test per rule of the HPA's normalization: stabilization, rate policies, legacy, bounds. */
class BehaviorRulesTest {
  private static final Duration S15 = Duration.ofSeconds(15);
  private static final Duration S60 = Duration.ofSeconds(60);
  private static final ScalingRules FREE =
      ScalingRules.of(Duration.ZERO, SelectPolicy.MAX, ScalingPolicy.pods(1000, S15));

  private static TargetTrackingAutoscaler with(
      ScalingRules up, ScalingRules down, int min, int max) {
    return TargetTrackingAutoscaler.builder()
        .bounds(ReplicaBounds.of(min, max))
        .metric(MetricTarget.utilization(0.5))
        .behavior(new ScalingBehavior(up, down))
        .build();
  }

  private static TargetTrackingAutoscaler legacy() {
    return TargetTrackingAutoscaler.builder()
        .bounds(ReplicaBounds.of(1, 100))
        .metric(MetricTarget.utilization(0.5))
        .build();
  }

  @Test
  void scaleUpStabilizationTakesTheLowestRecommendationInTheWindow() {
    ScalingRules up = ScalingRules.of(S60, SelectPolicy.MAX, ScalingPolicy.pods(1000, S15));
    TargetTrackingAutoscaler a = with(up, FREE, 1, 100);
    assertThat(a.decide(util(0, 2, 1.0)).desiredReplicas()).isEqualTo(4);
    ScalingDecision d = a.decide(util(10, 4, 1.0)); // raw 8, but 4 was recommended 10 s ago
    assertThat(d.desiredReplicas()).isEqualTo(4);
    assertThat(d.hasReason("hpa.stabilization.up")).isTrue();
    assertThat(a.decide(util(61, 4, 1.0)).desiredReplicas()).isEqualTo(8);
  }

  @Test
  void scaleDownStabilizationTakesTheHighestRecommendationInTheWindow() {
    TargetTrackingAutoscaler a =
        TargetTrackingAutoscaler.hpaDefaults(
            ReplicaBounds.of(1, 100), MetricTarget.utilization(0.5));
    assertThat(a.decide(util(0, 10, 0.5)).desiredReplicas()).isEqualTo(10);
    ScalingDecision d = a.decide(util(60, 10, 0.25));
    assertThat(d.desiredReplicas()).isEqualTo(10);
    assertThat(d.hasReason("hpa.stabilization.down")).isTrue();
    assertThat(a.decide(util(301, 10, 0.25)).desiredReplicas()).isEqualTo(5);
  }

  @Test
  void percentScaleUpRoundsUp() {
    ScalingRules up =
        ScalingRules.of(Duration.ZERO, SelectPolicy.MAX, ScalingPolicy.percent(50, S60));
    ScalingDecision d = with(up, FREE, 1, 100).decide(util(0, 3, 2.0)); // raw 12
    assertThat(d.desiredReplicas()).isEqualTo(5); // ceil(3 x 1.5)
    assertThat(d.hasReason("hpa.policy.up")).isTrue();
  }

  @Test
  void percentScaleDownTruncates() {
    ScalingRules down =
        ScalingRules.of(Duration.ZERO, SelectPolicy.MAX, ScalingPolicy.percent(50, S60));
    ScalingDecision d = with(FREE, down, 1, 100).decide(util(0, 5, 0.05)); // raw 1
    assertThat(d.desiredReplicas()).isEqualTo(2); // (int) (5 x 0.5)
    assertThat(d.hasReason("hpa.policy.down")).isTrue();
  }

  @Test
  void podsPolicyCountsTheChangesWithinItsPeriod() {
    ScalingRules up = ScalingRules.of(Duration.ZERO, SelectPolicy.MAX, ScalingPolicy.pods(2, S60));
    TargetTrackingAutoscaler a = with(up, FREE, 1, 100);
    assertThat(a.decide(util(0, 2, 2.0)).desiredReplicas()).isEqualTo(4);
    // 30 s later the period started at 2 replicas: 2 + 2 = 4 is still the limit.
    ScalingDecision held = a.decide(util(30, 4, 2.0));
    assertThat(held.desiredReplicas()).isEqualTo(4);
    assertThat(held.hasReason("hpa.policy.up")).isTrue();
    assertThat(a.decide(util(61, 4, 2.0)).desiredReplicas()).isEqualTo(6);
  }

  @Test
  void selectPolicyMaxTakesTheBiggestChange() {
    ScalingRules up = ScalingRules.defaultScaleUp();
    assertThat(with(up, FREE, 1, 100).decide(util(0, 10, 2.0)).desiredReplicas()).isEqualTo(20);
  }

  @Test
  void selectPolicyMinTakesTheSmallestChange() {
    ScalingRules up =
        ScalingRules.of(
            Duration.ZERO,
            SelectPolicy.MIN,
            ScalingPolicy.percent(100, S15),
            ScalingPolicy.pods(4, S15));
    assertThat(with(up, FREE, 1, 100).decide(util(0, 10, 2.0)).desiredReplicas()).isEqualTo(14);
    ScalingRules down =
        ScalingRules.of(
            Duration.ZERO,
            SelectPolicy.MIN,
            ScalingPolicy.percent(50, S15),
            ScalingPolicy.pods(1, S15));
    assertThat(with(FREE, down, 1, 100).decide(util(0, 10, 0.05)).desiredReplicas()).isEqualTo(9);
  }

  @Test
  void selectPolicyDisabledForbidsTheDirection() {
    ScalingRules off =
        ScalingRules.of(Duration.ZERO, SelectPolicy.DISABLED, ScalingPolicy.pods(1, S15));
    ScalingDecision d = with(FREE, off, 1, 100).decide(util(0, 10, 0.05));
    assertThat(d.desiredReplicas()).isEqualTo(10);
    assertThat(d.hasReason("hpa.policy.down")).isTrue();
    assertThat(with(off, FREE, 1, 100).decide(util(0, 10, 2.0)).desiredReplicas()).isEqualTo(10);
  }

  @Test
  void scaleDownPeriodStartsFromTheCountBeforeRecentScaleUps() {
    // Up 2 -> 6 at t0; at t=10 a 50% scale-down counts from 6 - 4 = 2 replicas: limit 1.
    ScalingRules down =
        ScalingRules.of(Duration.ZERO, SelectPolicy.MAX, ScalingPolicy.percent(50, S60));
    TargetTrackingAutoscaler a = with(FREE, down, 1, 100);
    assertThat(a.decide(util(0, 2, 1.5)).desiredReplicas()).isEqualTo(6);
    assertThat(a.decide(util(10, 6, 0.1)).desiredReplicas()).isEqualTo(2); // raw 2, limit 1
  }

  @Test
  void legacyPathCapsScaleUpAtTwiceCurrentOrFour() {
    ScalingDecision d = legacy().decide(util(0, 1, 5.0)); // raw 10
    assertThat(d.desiredReplicas()).isEqualTo(4);
    assertThat(d.hasReason("hpa.legacy-cap")).isTrue();
    assertThat(legacy().decide(util(0, 5, 5.0)).desiredReplicas()).isEqualTo(10);
  }

  @Test
  void legacyPathStabilizesScaleDownOverFiveMinutes() {
    TargetTrackingAutoscaler a = legacy();
    assertThat(a.decide(util(0, 10, 0.5)).desiredReplicas()).isEqualTo(10);
    ScalingDecision d = a.decide(util(100, 10, 0.25));
    assertThat(d.desiredReplicas()).isEqualTo(10);
    assertThat(d.hasReason("hpa.stabilization.down")).isTrue();
    assertThat(a.decide(util(301, 10, 0.25)).desiredReplicas()).isEqualTo(5);
  }

  @Test
  void maxReplicasAppliesLast() {
    ScalingDecision d = with(FREE, FREE, 1, 20).decide(util(0, 10, 5.0));
    assertThat(d.desiredReplicas()).isEqualTo(20);
    assertThat(d.hasReason("bounds.max")).isTrue();
  }

  @Test
  void minReplicasAppliesLast() {
    ScalingDecision d = with(FREE, FREE, 3, 20).decide(util(0, 10, 0.01));
    assertThat(d.desiredReplicas()).isEqualTo(3);
    assertThat(d.hasReason("bounds.min")).isTrue();
  }
}
