package dev.tdeveloper.scaling.hpa;

import static dev.tdeveloper.scaling.hpa.Inputs.at;
import static dev.tdeveloper.scaling.hpa.Inputs.missing;
import static dev.tdeveloper.scaling.hpa.Inputs.unready;
import static dev.tdeveloper.scaling.hpa.Inputs.util;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.scaling.autoscale.Metric;
import dev.tdeveloper.scaling.autoscale.ReplicaBounds;
import dev.tdeveloper.scaling.autoscale.ReplicaSample;
import dev.tdeveloper.scaling.autoscale.ScalingDecision;
import dev.tdeveloper.scaling.autoscale.ScalingInput;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One test per rule of the HPA's replica calculator (usage ratio, tolerance, missing, unready). */
class ReplicaCalculationRulesTest {

  private static TargetTrackingAutoscaler.Builder base(MetricTarget... targets) {
    TargetTrackingAutoscaler.Builder b =
        TargetTrackingAutoscaler.builder()
            .bounds(ReplicaBounds.of(1, 100))
            .behavior(Inputs.unlimited());
    for (MetricTarget t : targets) {
      b.metric(t);
    }
    return b;
  }

  private static TargetTrackingAutoscaler tracking(double target) {
    return base(MetricTarget.utilization(target)).build();
  }

  @Test
  void desiredIsCeilOfUsageRatioTimesReplicas() {
    ScalingDecision d = tracking(0.6).decide(util(0, 4, 0.9)); // ratio 1.5
    assertThat(d.desiredReplicas()).isEqualTo(6);
    assertThat(d.hasReason("hpa.metric")).isTrue();
  }

  @Test
  void noChangeWithinTheTolerance() {
    ScalingDecision d = tracking(0.5).decide(util(0, 4, 0.55)); // ratio 1.1, inclusive
    assertThat(d.desiredReplicas()).isEqualTo(4);
    assertThat(d.hasReason("hpa.tolerance")).isTrue();
    assertThat(tracking(0.5).decide(util(0, 4, 0.45)).desiredReplicas()).isEqualTo(4); // 0.9
  }

  @Test
  void toleranceIsConfigurablePerDirection() {
    TargetTrackingAutoscaler a =
        base(MetricTarget.utilization(0.5)).scaleUpTolerance(0.5).scaleDownTolerance(0.05).build();
    assertThat(a.decide(util(0, 4, 0.7)).desiredReplicas()).isEqualTo(4); // 1.4 <= 1.5
    assertThat(a.decide(util(1, 4, 0.46)).desiredReplicas()).isEqualTo(4); // 0.92: ceil(3.68)
  }

  @Test
  void missingMetricsCountAsFullUtilizationOnScaleDown() {
    // 4 replicas at 10% of a 50% target (ratio 0.2), 1 missing counted as 100%: (0.4 + 1) / 5.
    ScalingInput in =
        ScalingInput.at(at(0))
            .readyReplicas(4, Metric.UTILIZATION, 0.1)
            .replica(missing("m"))
            .build();
    ScalingDecision d = tracking(0.5).decide(in);
    assertThat(d.desiredReplicas()).isEqualTo(3); // ceil(0.56 x 5)
    assertThat(d.hasReason("hpa.missing")).isTrue();
  }

  @Test
  void missingMetricsCountAsTheTargetWhenItExceedsFullUtilization() {
    ScalingInput in =
        ScalingInput.at(at(0))
            .readyReplicas(4, Metric.UTILIZATION, 0.2)
            .replica(missing("m"))
            .build();
    // target 200%: missing counted as 2.0 -> (0.8 + 2) / 5 / 2 = 0.28 -> ceil(1.4) = 2
    assertThat(tracking(2.0).decide(in).desiredReplicas()).isEqualTo(2);
  }

  @Test
  void missingMetricsCountAsTheTargetForAverageValueOnScaleDown() {
    ScalingInput in =
        ScalingInput.at(at(0))
            .readyReplicas(4, Metric.REQUESTS_PER_SECOND, 20)
            .replica(missing("m"))
            .build();
    ScalingDecision d =
        base(MetricTarget.averageValue(Metric.REQUESTS_PER_SECOND, 100)).build().decide(in);
    assertThat(d.desiredReplicas()).isEqualTo(2); // (80 + 100) / 5 / 100 = 0.36 -> ceil(1.8)
  }

  @Test
  void missingMetricsCountAsZeroOnScaleUp() {
    ScalingInput in =
        ScalingInput.at(at(0))
            .readyReplicas(4, Metric.UTILIZATION, 0.8)
            .replica(missing("m"))
            .build();
    ScalingDecision d = tracking(0.5).decide(in); // 3.2 / 5 / 0.5 = 1.28 -> ceil(6.4)
    assertThat(d.desiredReplicas()).isEqualTo(7);
    assertThat(d.reasons())
        .anyMatch(r -> r.rule().equals("hpa.missing") && r.detail().contains("as 0"));
  }

  @Test
  void unreadyReplicasCountAsZeroOnScaleUp() {
    // 2 ready at 100% of a 50% target (ratio 2); with 2 unready at 0 the ratio is 1.0: no change.
    ScalingInput in =
        ScalingInput.at(at(0))
            .readyReplicas(2, Metric.UTILIZATION, 1.0)
            .replica(unready("u1", 0.9))
            .replica(unready("u2", 0.9))
            .build();
    ScalingDecision d = tracking(0.5).decide(in);
    assertThat(d.desiredReplicas()).isEqualTo(4);
    assertThat(d.hasReason("hpa.unready")).isTrue();
    assertThat(d.hasReason("hpa.tolerance")).isTrue();
  }

  @Test
  void unreadyReplicasAreIgnoredOnScaleDown() {
    ScalingInput in =
        ScalingInput.at(at(0))
            .readyReplicas(2, Metric.UTILIZATION, 0.1)
            .replica(unready("u1", 0.9))
            .replica(unready("u2", 0.9))
            .build();
    ScalingDecision d = tracking(0.5).decide(in); // ratio 0.2 over the 2 ready -> ceil(0.4)
    assertThat(d.desiredReplicas()).isEqualTo(1);
    assertThat(d.hasReason("hpa.unready")).isFalse();
  }

  @Test
  void aRecomputedRatioThatFlipsDirectionMeansNoChange() {
    // 1 at 40% of 50% (ratio 0.8, down); 2 missing counted as 100% -> 0.8 / 0.5 = 1.6 (up).
    ScalingInput in =
        ScalingInput.at(at(0))
            .readyReplicas(1, Metric.UTILIZATION, 0.4)
            .replica(missing("m1"))
            .replica(missing("m2"))
            .build();
    ScalingDecision d = tracking(0.5).decide(in);
    assertThat(d.desiredReplicas()).isEqualTo(3);
    assertThat(d.hasReason("hpa.direction-flip")).isTrue();
  }

  @Test
  void aRecomputedRatioWithinToleranceMeansNoChange() {
    // 3 at 65% of 50% (ratio 1.3), 1 missing as 0 -> 1.95 / 4 / 0.5 = 0.975: within tolerance.
    ScalingInput in =
        ScalingInput.at(at(0))
            .readyReplicas(3, Metric.UTILIZATION, 0.65)
            .replica(missing("m"))
            .build();
    ScalingDecision d = tracking(0.5).decide(in);
    assertThat(d.desiredReplicas()).isEqualTo(4);
    assertThat(d.hasReason("hpa.tolerance")).isTrue();
  }

  @Test
  void severalMetricsTakeTheLargestProposal() {
    TargetTrackingAutoscaler a =
        base(
                MetricTarget.utilization(0.5),
                MetricTarget.averageValue(Metric.REQUESTS_PER_SECOND, 100))
            .build();
    ScalingInput in =
        ScalingInput.at(at(0))
            .replica(rep("a", 0.6, 300))
            .replica(rep("b", 0.6, 300))
            .build(); // utilization -> ceil(2.4) = 3; rps -> 6
    assertThat(a.decide(in).desiredReplicas()).isEqualTo(6);
  }

  @Test
  void anInvalidMetricIsSkipped() {
    TargetTrackingAutoscaler a =
        base(MetricTarget.utilization(0.5), MetricTarget.averageValue(Metric.QUEUE_DEPTH, 10))
            .build();
    ScalingDecision d = a.decide(util(0, 2, 1.0));
    assertThat(d.desiredReplicas()).isEqualTo(4);
    assertThat(d.reasons())
        .anyMatch(
            r -> r.rule().equals("hpa.invalid") && r.metric().orElseThrow() == Metric.QUEUE_DEPTH);
  }

  @Test
  void allMetricsInvalidMeansNoChange() {
    TargetTrackingAutoscaler a = base(MetricTarget.averageValue(Metric.QUEUE_DEPTH, 10)).build();
    ScalingDecision d = a.decide(util(0, 3, 1.0));
    assertThat(d.desiredReplicas()).isEqualTo(3);
    assertThat(d.hasReason("hpa.invalid")).isTrue();
  }

  @Test
  void someMetricsInvalidNeverScaleDown() {
    TargetTrackingAutoscaler a =
        base(MetricTarget.utilization(0.5), MetricTarget.workloadValue(Metric.QUEUE_DEPTH, 10))
            .build();
    ScalingDecision d = a.decide(util(0, 6, 0.1));
    assertThat(d.desiredReplicas()).isEqualTo(6);
    assertThat(d.reasons()).filteredOn(r -> r.rule().equals("hpa.invalid")).hasSize(2);
  }

  @Test
  void workloadValueScalesTheReadyReplicasByTheRatio() {
    TargetTrackingAutoscaler a = base(MetricTarget.workloadValue(Metric.QUEUE_DEPTH, 100)).build();
    ScalingInput in =
        ScalingInput.at(at(0))
            .readyReplicas(2, Metric.UTILIZATION, 0.5)
            .replica(unready("u", 0.5))
            .workload(Metric.QUEUE_DEPTH, 300)
            .build();
    assertThat(a.decide(in).desiredReplicas()).isEqualTo(6); // ceil(3 x 2 ready)
  }

  @Test
  void workloadAverageValueDividesTheTotalByTheTarget() {
    TargetTrackingAutoscaler a =
        base(MetricTarget.workloadAverageValue(Metric.REQUESTS_PER_SECOND, 100)).build();
    ScalingInput in =
        ScalingInput.at(at(0))
            .readyReplicas(2, Metric.UTILIZATION, 0.5)
            .workload(Metric.REQUESTS_PER_SECOND, 450)
            .build();
    assertThat(a.decide(in).desiredReplicas()).isEqualTo(5); // ceil(450 / 100)
    ScalingInput near =
        ScalingInput.at(at(1))
            .readyReplicas(4, Metric.UTILIZATION, 0.5)
            .workload(Metric.REQUESTS_PER_SECOND, 420)
            .build();
    assertThat(a.decide(near).desiredReplicas()).isEqualTo(4); // ratio 1.05
  }

  @Test
  void zeroReplicasAreNotScaledFromWhenMinReplicasIsAboveZero() {
    TargetTrackingAutoscaler a =
        base(MetricTarget.workloadAverageValue(Metric.REQUESTS_PER_SECOND, 100)).build();
    ScalingInput in = ScalingInput.at(at(0)).workload(Metric.REQUESTS_PER_SECOND, 500).build();
    ScalingDecision d = a.decide(in);
    assertThat(d.desiredReplicas()).isZero();
    assertThat(d.hasReason("hpa.scaling-disabled")).isTrue();
  }

  @Test
  void zeroReplicasScaleFromAWorkloadMetricWhenMinReplicasIsZero() {
    TargetTrackingAutoscaler a =
        TargetTrackingAutoscaler.builder()
            .bounds(ReplicaBounds.of(0, 10))
            .behavior(Inputs.unlimited())
            .metric(MetricTarget.workloadAverageValue(Metric.REQUESTS_PER_SECOND, 100))
            .build();
    ScalingInput in = ScalingInput.at(at(0)).workload(Metric.REQUESTS_PER_SECOND, 250).build();
    assertThat(a.decide(in).desiredReplicas()).isEqualTo(3);
  }

  @Test
  void aCountAboveMaxReplicasGoesToMaxWithoutMetrics() {
    ScalingDecision d = tracking(0.5).decide(util(0, 120, 0.9));
    assertThat(d.desiredReplicas()).isEqualTo(100);
    assertThat(d.hasReason("bounds.max")).isTrue();
  }

  @Test
  void anInputOlderThanThePreviousIsRefusedWithoutStateChange() {
    TargetTrackingAutoscaler a = tracking(0.5);
    a.decide(util(10, 4, 0.5));
    assertThatThrownBy(() -> a.decide(util(5, 4, 2.0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("before the previous input");
    assertThat(a.decide(util(10, 4, 0.5)).desiredReplicas()).isEqualTo(4);
  }

  private static ReplicaSample rep(String id, double util, double rps) {
    return new ReplicaSample(
        id, true, Map.of(Metric.UTILIZATION, util, Metric.REQUESTS_PER_SECOND, rps));
  }
}
