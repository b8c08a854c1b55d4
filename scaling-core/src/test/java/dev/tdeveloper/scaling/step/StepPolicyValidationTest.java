package dev.tdeveloper.scaling.step;

import static dev.tdeveloper.scaling.step.StepAdjustment.above;
import static dev.tdeveloper.scaling.step.StepAdjustment.below;
import static dev.tdeveloper.scaling.step.StepAdjustment.between;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.scaling.autoscale.Metric;
import dev.tdeveloper.scaling.autoscale.ReplicaBounds;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class StepPolicyValidationTest {
  @Test
  void overlappingStepsAreNamed() {
    assertThatThrownBy(
            () ->
                StepPolicy.scaleOut(50)
                    .step(between(0, 20, 1))
                    .step(between(10, 30, 2))
                    .step(above(30, 3))
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("step 2 [10, 30] adjust 2 overlaps step 1 [0, 20] adjust 1");
  }

  @Test
  void gapsBetweenStepsAreNamed() {
    assertThatThrownBy(
            () -> StepPolicy.scaleOut(50).step(between(0, 10, 1)).step(above(15, 2)).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("step 2 [15, +inf] adjust 2 leaves a gap after step 1");
  }

  @Test
  void atMostOneOpenEndOnEachSide() {
    assertThatThrownBy(() -> StepPolicy.scaleOut(50).step(above(0, 1)).step(above(10, 2)).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("step 1 [0, +inf] adjust 1 and step 2 [10, +inf] adjust 2")
        .hasMessageContaining("no upper bound");
    assertThatThrownBy(
            () -> StepAdjustment.between(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("neither a lower nor an upper bound");
  }

  @Test
  void scaleOutStepsStartAtTheThresholdAndEndOpen() {
    assertThatThrownBy(() -> StepPolicy.scaleOut(50).step(above(5, 1)).build())
        .hasMessageContaining("steps cover [5, +inf]");
    assertThatThrownBy(() -> StepPolicy.scaleOut(50).step(between(0, 5, 1)).build())
        .hasMessageContaining("steps cover [0, 5]");
    assertThatThrownBy(() -> StepPolicy.scaleIn(30).step(between(-5, 0, -1)).build())
        .hasMessageContaining("steps cover [-5, 0]");
  }

  @Test
  void adjustmentsMustPointTheWayOfThePolicy() {
    assertThatThrownBy(() -> StepPolicy.scaleOut(50).step(above(0, -1)).build())
        .hasMessageContaining("step 1 [0, +inf] adjust -1")
        .hasMessageContaining("allowed adjustment: > 0");
    assertThatThrownBy(() -> StepPolicy.scaleIn(30).step(below(0, 1)).build())
        .hasMessageContaining("allowed adjustment: < 0");
  }

  @Test
  void minAdjustmentMagnitudeOnlyWithPercent() {
    assertThatThrownBy(
            () -> StepPolicy.scaleOut(50).minAdjustmentMagnitude(2).step(above(0, 1)).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("PERCENT_CHANGE_IN_CAPACITY");
  }

  @Test
  void noStepsAndBadThresholdAreRefused() {
    assertThatThrownBy(() -> StepPolicy.scaleOut(50).build()).hasMessageContaining("at least one");
    assertThatThrownBy(() -> StepPolicy.scaleOut(Double.NaN).step(above(0, 1)).build())
        .hasMessageContaining("scaleOut.threshold: NaN");
  }

  @Test
  void autoscalerBuilderRefusesIncompleteOrCrossedConfigurations() {
    StepPolicy out = StepPolicy.scaleOut(50).step(above(0, 1)).build();
    StepPolicy in = StepPolicy.scaleIn(60).step(below(0, -1)).build();
    ReplicaBounds b = ReplicaBounds.of(1, 5);
    assertThatThrownBy(
            () ->
                StepScalingAutoscaler.builder()
                    .metric(Metric.UTILIZATION)
                    .scaleOut(out)
                    .scaleIn(in)
                    .bounds(b)
                    .build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("scaleIn.threshold: 60 is not below scaleOut.threshold 50");
    assertThatThrownBy(() -> StepScalingAutoscaler.builder().scaleOut(out).bounds(b).build())
        .hasMessageContaining("metric: not set");
    assertThatThrownBy(
            () -> StepScalingAutoscaler.builder().metric(Metric.UTILIZATION).scaleOut(out).build())
        .hasMessageContaining("bounds: not set");
    assertThatThrownBy(() -> StepScalingAutoscaler.builder().scaleOut(in))
        .hasMessageContaining("scaleOut: a scale-in policy");
    assertThatThrownBy(() -> StepScalingAutoscaler.builder().cooldown(Duration.ofSeconds(-1)))
        .hasMessageContaining("cooldown: PT-1S is negative");
  }
}
