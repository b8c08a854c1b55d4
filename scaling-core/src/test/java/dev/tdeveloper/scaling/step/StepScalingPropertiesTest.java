package dev.tdeveloper.scaling.step;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.scaling.autoscale.ReplicaBounds;
import dev.tdeveloper.scaling.autoscale.ScalingDecision;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class StepScalingPropertiesTest {
  @Property
  void decisionsAlwaysLieWithinBounds(
      @ForAll @IntRange(min = 0, max = 5) int min,
      @ForAll @IntRange(min = 0, max = 10) int extra,
      @ForAll @Size(min = 1, max = 30) List<@DoubleRange(min = 0, max = 200) Double> values,
      @ForAll @IntRange(min = 0, max = 30) int start) {
    ReplicaBounds bounds = ReplicaBounds.of(min, Math.max(1, min + extra));
    StepScalingAutoscaler a = StepScalingAutoscalerTest.builder().bounds(bounds).build();
    int replicas = start;
    long t = 0;
    for (double v : values) {
      ScalingDecision d = a.decide(StepScalingAutoscalerTest.at(t, replicas, v));
      assertThat(bounds.contains(d.desiredReplicas())).as("%s in %s", d, bounds).isTrue();
      replicas = d.desiredReplicas();
      t += 45;
    }
  }
}
