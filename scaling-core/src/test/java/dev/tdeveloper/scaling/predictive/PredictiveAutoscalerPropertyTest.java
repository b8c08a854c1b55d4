package dev.tdeveloper.scaling.predictive;

import static dev.tdeveloper.scaling.predictive.Traces.MONDAY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.scaling.autoscale.Autoscaler;
import dev.tdeveloper.scaling.autoscale.ReplicaBounds;
import dev.tdeveloper.scaling.autoscale.ScalingDecision;
import dev.tdeveloper.scaling.autoscale.ScalingInput;
import java.time.Duration;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class PredictiveAutoscalerPropertyTest {
  private static final List<LoadSample> HISTORY =
      Traces.samples(Traces::dailySpike, Duration.ofDays(2), Duration.ofMinutes(5), 0.1, 11);

  @Property(tries = 30)
  void staysWithinBoundsAndNeverBelowTheFloor(
      @ForAll @Size(min = 1, max = 40) List<@DoubleRange(min = 0, max = 2000) Double> loads,
      @ForAll @IntRange(min = 0, max = 5) int min,
      @ForAll @IntRange(min = 5, max = 60) int max,
      @ForAll boolean forecastOnly,
      @ForAll @IntRange(min = 1, max = 600) int stepMinutes) {
    Traces.LaggedFloor floorTwin = new Traces.LaggedFloor(10, 2);
    Autoscaler floor = new Traces.LaggedFloor(10, 2);
    PredictiveAutoscaler a =
        PredictiveAutoscaler.builder()
            .reactive(floor)
            .bounds(ReplicaBounds.of(min, max))
            .capacityPerReplica(10)
            .bucket(Duration.ofMinutes(5))
            .startupTime(Duration.ofMinutes(2))
            .mode(forecastOnly ? PredictiveMode.FORECAST_ONLY : PredictiveMode.SCALE_OUT)
            .build();
    a.preload(HISTORY);
    for (int i = 0; i < loads.size(); i++) {
      ScalingInput in =
          Traces.input(
              MONDAY.plus(Duration.ofDays(2)).plus(Duration.ofMinutes((long) i * stepMinutes)),
              3,
              loads.get(i));
      int reactive = floorTwin.decide(in).desiredReplicas();
      ScalingDecision d = a.decide(in);
      ReplicaBounds bounds = ReplicaBounds.of(min, max);
      assertThat(bounds.contains(d.desiredReplicas())).isTrue();
      assertThat(d.desiredReplicas()).isGreaterThanOrEqualTo(bounds.clamp(reactive));
      if (forecastOnly) {
        assertThat(d.desiredReplicas()).isEqualTo(bounds.clamp(reactive));
      }
    }
  }
}
