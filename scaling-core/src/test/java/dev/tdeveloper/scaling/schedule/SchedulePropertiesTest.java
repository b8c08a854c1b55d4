package dev.tdeveloper.scaling.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.scaling.autoscale.Metric;
import dev.tdeveloper.scaling.autoscale.ScalingDecision;
import dev.tdeveloper.scaling.autoscale.ScalingInput;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class SchedulePropertiesTest {
  @Property
  void scaleToZeroDecisionsStayWithinZeroAndMax(
      @ForAll @IntRange(min = 0, max = 4) int min,
      @ForAll @IntRange(min = 4, max = 12) int max,
      @ForAll @Size(min = 1, max = 40) List<@IntRange(min = -1, max = 20) Integer> queue,
      @ForAll @Size(min = 1, max = 40) List<@IntRange(min = 0, max = 30) Integer> inner) {
    FixedAutoscaler fixed = new FixedAutoscaler(0);
    ScaleToZero s =
        ScaleToZero.around(fixed, Metric.QUEUE_DEPTH)
            .activationThreshold(3)
            .minReplicaCount(min)
            .maxReplicaCount(max)
            .cooldownPeriod(Duration.ofSeconds(120))
            .fallback(2, max)
            .build();
    int replicas = 0;
    for (int i = 0; i < queue.size(); i++) {
      fixed.desired.set(inner.get(i % inner.size()));
      ScalingInput.Builder in =
          ScalingInput.at(Instant.EPOCH.plusSeconds(i * 45L))
              .readyReplicas(replicas, Metric.UTILIZATION, 0.5);
      if (queue.get(i) >= 0) {
        in.workload(Metric.QUEUE_DEPTH, queue.get(i));
      }
      ScalingDecision d = s.decide(in.build());
      assertThat(d.desiredReplicas()).isBetween(0, max);
      if (replicas > 0 && d.desiredReplicas() > 0) {
        assertThat(d.desiredReplicas()).isGreaterThanOrEqualTo(Math.max(min, 1));
      }
      replicas = d.desiredReplicas();
    }
  }

  @Property
  void openWindowsAlwaysHoldTheirBounds(
      @ForAll @IntRange(min = 0, max = 23) int hour,
      @ForAll @IntRange(min = 0, max = 59) int minute,
      @ForAll @IntRange(min = 0, max = 50) int innerDesired) {
    ScheduledScaling s =
        ScheduledScaling.around(new FixedAutoscaler(innerDesired))
            .window(ScheduledScalingTest.businessHours())
            .build();
    Instant t = Instant.parse("2026-01-05T00:00:00Z").plusSeconds(hour * 3600L + minute * 60L);
    ScalingDecision d =
        s.decide(ScalingInput.at(t).readyReplicas(3, Metric.UTILIZATION, 0.5).build());
    boolean open = hour >= 9 && hour < 18;
    assertThat(d.desiredReplicas())
        .isEqualTo(open ? Math.max(5, Math.min(10, innerDesired)) : innerDesired);
  }
}
