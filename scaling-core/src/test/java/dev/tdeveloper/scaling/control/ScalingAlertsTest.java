package dev.tdeveloper.scaling.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.scaling.autoscale.Metric;
import dev.tdeveloper.scaling.autoscale.ScalingDecision;
import dev.tdeveloper.scaling.autoscale.ScalingInput;
import dev.tdeveloper.scaling.autoscale.ScalingReason;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScalingAlertsTest {
  private final ManualClock clock = new ManualClock();

  private ScalingInput input(int replicas) {
    return ScalingInput.at(clock.instant())
        .readyReplicas(replicas, Metric.UTILIZATION, 0.5)
        .build();
  }

  private ScalingDecision decision(int current, int desired, ScalingReason... reasons) {
    return new ScalingDecision(clock.instant(), current, desired, "test", List.of(reasons));
  }

  private List<ScalingEvent> step(ScalingAlerts a, int current, int desired) {
    clock.advance(Duration.ofSeconds(15));
    return a.evaluate("web", input(current), decision(current, desired));
  }

  @Test
  void atMaxIsRaisedAfterTheGraceAndResolvedOnceOnTransitionsOnly() {
    ScalingAlerts a =
        ScalingAlerts.builder(clock).maxReplicas(10).atMaxFor(Duration.ofMinutes(1)).build();
    assertThat(step(a, 10, 10)).isEmpty();
    for (int i = 0; i < 4; i++) {
      assertThat(step(a, 10, 10)).isEmpty();
    }
    List<ScalingEvent> raised = step(a, 10, 10);
    assertThat(raised).singleElement().isInstanceOf(ScalingEvent.AlertRaised.class);
    assertThat(step(a, 10, 10)).isEmpty();
    assertThat(a.active())
        .extracting(ScalingAlert::kind)
        .containsExactly(ScalingAlert.Kind.AT_MAX_REPLICAS);
    List<ScalingEvent> resolved = step(a, 10, 8);
    assertThat(resolved).singleElement().isInstanceOf(ScalingEvent.AlertResolved.class);
    assertThat(step(a, 8, 8)).isEmpty();
    assertThat(a.active()).isEmpty();
  }

  @Test
  void boundsMaxReasonCountsAsAtMaxWithoutAConfiguredMaximum() {
    ScalingAlerts a = ScalingAlerts.builder(clock).atMaxFor(Duration.ZERO).build();
    clock.advance(Duration.ofSeconds(1));
    a.evaluate("web", input(4), decision(4, 4, ScalingReason.of("bounds.max", "capped at 4")));
    clock.advance(Duration.ofSeconds(1));
    List<ScalingEvent> e =
        a.evaluate("web", input(4), decision(4, 4, ScalingReason.of("bounds.max", "capped at 4")));
    assertThat(e).singleElement().isInstanceOf(ScalingEvent.AlertRaised.class);
  }

  @Test
  void flappingIsRaisedAboveTheAllowedReversalsAndResolvedWhenTheyAge() {
    ScalingAlerts a = ScalingAlerts.builder(clock).flapping(2, Duration.ofMinutes(5)).build();
    assertThat(step(a, 2, 3)).isEmpty();
    assertThat(step(a, 3, 2)).isEmpty();
    assertThat(step(a, 2, 3)).isEmpty();
    List<ScalingEvent> raised = step(a, 3, 2);
    assertThat(raised)
        .singleElement()
        .isInstanceOfSatisfying(
            ScalingEvent.AlertRaised.class,
            r -> assertThat(r.alert().kind()).isEqualTo(ScalingAlert.Kind.FLAPPING));
    assertThat(step(a, 2, 2)).isEmpty();
    clock.advance(Duration.ofMinutes(5));
    assertThat(step(a, 2, 2)).singleElement().isInstanceOf(ScalingEvent.AlertResolved.class);
  }

  @Test
  void metricsMissingAfterConsecutiveDecisionsOrAnInvalidReason() {
    ScalingAlerts a =
        ScalingAlerts.builder(clock)
            .metrics(List.of(Metric.UTILIZATION))
            .missingDecisions(2)
            .build();
    ScalingInput empty =
        ScalingInput.at(clock.instant()).workload(Metric.REQUESTS_PER_SECOND, 5).build();
    assertThat(a.evaluate("web", empty, decision(0, 0))).isEmpty();
    assertThat(a.evaluate("web", empty, decision(0, 0)))
        .singleElement()
        .isInstanceOf(ScalingEvent.AlertRaised.class);
    assertThat(a.evaluate("web", empty, decision(0, 0))).isEmpty();
    assertThat(a.evaluate("web", input(1), decision(1, 1)))
        .singleElement()
        .isInstanceOf(ScalingEvent.AlertResolved.class);
    List<ScalingEvent> invalid =
        a.evaluate(
            "web",
            input(1),
            decision(
                1, 1, ScalingReason.of("hpa.metric.invalid", Metric.UTILIZATION, "all invalid")));
    assertThat(invalid)
        .singleElement()
        .isInstanceOfSatisfying(
            ScalingEvent.AlertRaised.class,
            r -> assertThat(r.alert().detail()).contains("hpa.metric.invalid"));
  }
}
