package dev.tdeveloper.scaling.hpa;

import static dev.tdeveloper.scaling.hpa.Inputs.at;
import static dev.tdeveloper.scaling.hpa.Inputs.missing;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.scaling.autoscale.Metric;
import dev.tdeveloper.scaling.autoscale.ReplicaBounds;
import dev.tdeveloper.scaling.autoscale.ScalingDecision;
import dev.tdeveloper.scaling.autoscale.ScalingInput;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The worked examples of the Kubernetes "Horizontal Pod Autoscaling" documentation page. */
class DocsExamplesTest {

  private static TargetTrackingAutoscaler cpu(double targetCores, ScalingBehavior behavior) {
    return TargetTrackingAutoscaler.builder()
        .bounds(ReplicaBounds.of(1, 100))
        .metric(MetricTarget.averageValue(Metric.UTILIZATION, targetCores))
        .behavior(behavior)
        .build();
  }

  @Test
  void twoHundredMilliOfAHundredMilliTargetDoublesAndFiftyHalves() {
    ScalingInput hot = ScalingInput.at(at(0)).readyReplicas(3, Metric.UTILIZATION, 0.200).build();
    assertThat(cpu(0.100, Inputs.unlimited()).decide(hot).desiredReplicas()).isEqualTo(6);
    ScalingInput cold = ScalingInput.at(at(0)).readyReplicas(4, Metric.UTILIZATION, 0.050).build();
    assertThat(cpu(0.100, Inputs.unlimited()).decide(cold).desiredReplicas()).isEqualTo(2);
  }

  @Test
  void scaleDownWithThirtyPercentMissingCountsThemAtTheTarget() {
    // 10 replicas, 7 report 20% of a 50% target (ratio 0.4: raw ceil(0.4 x 7) = 3); the 3 missing
    // count as 100%: (1.4 + 3) / 10 / 0.5 = 0.88 -> ceil(8.8) = 9. The scale-down is much smaller.
    ScalingInput in =
        ScalingInput.at(at(0))
            .readyReplicas(7, Metric.UTILIZATION, 0.2)
            .replica(missing("m1"))
            .replica(missing("m2"))
            .replica(missing("m3"))
            .build();
    TargetTrackingAutoscaler a =
        TargetTrackingAutoscaler.hpaDefaults(
            ReplicaBounds.of(1, 100), MetricTarget.utilization(0.5));
    ScalingDecision d = a.decide(in);
    assertThat(d.desiredReplicas()).isEqualTo(9);
    assertThat(d.hasReason("hpa.missing")).isTrue();
  }

  @Test
  void scaleDownFourPodsOrTenPercentPerMinuteRemovesEightFromEighty() {
    // The docs' scaleDown policies: Pods 4 per 60 s and Percent 10 per 60 s (selectPolicy Max).
    ScalingRules down =
        ScalingRules.of(
            Duration.ZERO,
            SelectPolicy.MAX,
            ScalingPolicy.pods(4, Duration.ofSeconds(60)),
            ScalingPolicy.percent(10, Duration.ofSeconds(60)));
    TargetTrackingAutoscaler a =
        cpu(0.100, new ScalingBehavior(ScalingRules.defaultScaleUp(), down));
    ScalingInput first =
        ScalingInput.at(at(0)).readyReplicas(80, Metric.UTILIZATION, 0.0125).build();
    assertThat(a.decide(first).desiredReplicas()).isEqualTo(72);
    ScalingInput next =
        ScalingInput.at(at(61)).readyReplicas(72, Metric.UTILIZATION, 0.0138).build();
    assertThat(a.decide(next).desiredReplicas()).isEqualTo(64); // 7.2 rounded up to 8
  }

  @Test
  void defaultScaleUpAllowsTheLargerOfDoubleAndFourPods() {
    TargetTrackingAutoscaler a =
        TargetTrackingAutoscaler.hpaDefaults(
            ReplicaBounds.of(1, 100), MetricTarget.utilization(0.5));
    assertThat(a.decide(Inputs.util(0, 1, 5.0)).desiredReplicas()).isEqualTo(5); // 1 + 4
    assertThat(a.decide(Inputs.util(15, 5, 5.0)).desiredReplicas()).isEqualTo(10); // 5 x 2
  }
}
