package dev.tdeveloper.scaling.hpa;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.scaling.autoscale.Metric;
import dev.tdeveloper.scaling.autoscale.ReplicaBounds;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Bad configurations fail with the field, the value and what is allowed. */
class ConfigurationErrorsTest {
  private static final Duration S15 = Duration.ofSeconds(15);

  private static TargetTrackingAutoscaler.Builder valid() {
    return TargetTrackingAutoscaler.builder()
        .bounds(ReplicaBounds.of(1, 10))
        .metric(MetricTarget.utilization(0.5));
  }

  @Test
  void minAboveMaxIsRefused() {
    assertThatThrownBy(() -> ReplicaBounds.of(5, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("minReplicas: 5")
        .hasMessageContaining("maxReplicas 2");
  }

  @Test
  void missingBoundsAreRefused() {
    assertThatThrownBy(
            () -> TargetTrackingAutoscaler.builder().metric(MetricTarget.utilization(0.5)).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("bounds");
  }

  @Test
  void negativeStabilizationWindowIsRefused() {
    assertThatThrownBy(
            () ->
                ScalingRules.of(
                    Duration.ofSeconds(-1), SelectPolicy.MAX, ScalingPolicy.pods(1, S15)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("stabilizationWindow: PT-1S")
        .hasMessageContaining("allowed");
  }

  @Test
  void windowLongerThanAnHourIsRefused() {
    assertThatThrownBy(
            () ->
                ScalingRules.of(Duration.ofHours(2), SelectPolicy.MAX, ScalingPolicy.pods(1, S15)))
        .hasMessageContaining("stabilizationWindow: PT2H");
  }

  @Test
  void zeroOrNegativePeriodIsRefused() {
    assertThatThrownBy(() -> ScalingPolicy.pods(1, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("policy period: PT0S");
    assertThatThrownBy(() -> ScalingPolicy.percent(10, Duration.ofSeconds(-5)))
        .hasMessageContaining("policy period: PT-5S");
  }

  @Test
  void nonPositivePolicyValuesAreRefused() {
    assertThatThrownBy(() -> ScalingPolicy.pods(0, S15))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("policy value: 0 (PODS)");
    assertThatThrownBy(() -> ScalingPolicy.percent(-10, S15))
        .hasMessageContaining("policy value: -10 (PERCENT)");
  }

  @Test
  void rulesWithoutPoliciesAreRefused() {
    assertThatThrownBy(() -> ScalingRules.of(Duration.ZERO, SelectPolicy.MAX))
        .hasMessageContaining("policies: none");
  }

  @Test
  void toleranceOutsideZeroToOneIsRefused() {
    assertThatThrownBy(() -> valid().tolerance(1.0).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("scaleUpTolerance: 1.0")
        .hasMessageContaining("[0, 1)");
    assertThatThrownBy(() -> valid().scaleDownTolerance(-0.1).build())
        .hasMessageContaining("scaleDownTolerance: -0.1");
    assertThatThrownBy(() -> valid().scaleUpTolerance(Double.NaN).build())
        .hasMessageContaining("scaleUpTolerance: NaN");
  }

  @Test
  void noMetricIsRefused() {
    assertThatThrownBy(
            () -> TargetTrackingAutoscaler.builder().bounds(ReplicaBounds.of(1, 2)).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("metrics: none");
  }

  @Test
  void duplicateMetricIsRefused() {
    assertThatThrownBy(
            () -> valid().metric(MetricTarget.averageValue(Metric.UTILIZATION, 0.3)).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("metrics: utilization per replica appears twice");
  }

  @Test
  void theSameMetricPerReplicaAndPerWorkloadIsAllowed() {
    valid()
        .metric(MetricTarget.averageValue(Metric.REQUESTS_PER_SECOND, 100))
        .metric(MetricTarget.workloadValue(Metric.REQUESTS_PER_SECOND, 1000))
        .build();
  }

  @Test
  void nonPositiveTargetIsRefused() {
    assertThatThrownBy(() -> MetricTarget.utilization(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("target of utilization: 0.0");
    assertThatThrownBy(
            () -> MetricTarget.workloadValue(Metric.QUEUE_DEPTH, Double.POSITIVE_INFINITY))
        .hasMessageContaining("target of queue_depth: Infinity");
  }

  @Test
  void utilizationTargetOnAnotherMetricIsRefused() {
    assertThatThrownBy(
            () -> new MetricTarget(MetricTarget.Kind.UTILIZATION, Metric.QUEUE_DEPTH, 0.5))
        .hasMessageContaining("metric: queue_depth with a utilization target");
  }
}
