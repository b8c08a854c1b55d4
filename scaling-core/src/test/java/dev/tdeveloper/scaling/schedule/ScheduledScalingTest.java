package dev.tdeveloper.scaling.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.scaling.autoscale.Metric;
import dev.tdeveloper.scaling.autoscale.ScalingDecision;
import dev.tdeveloper.scaling.autoscale.ScalingInput;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ScheduledScalingTest {
  // 2026-01-05 is a Monday.
  static ScalingInput at(String utc, int replicas) {
    return ScalingInput.at(Instant.parse(utc))
        .readyReplicas(replicas, Metric.UTILIZATION, 0.5)
        .build();
  }

  static ScheduleWindow businessHours() {
    return ScheduleWindow.named("business-hours")
        .cron("0 9 * * 1-5")
        .duration(Duration.ofHours(9))
        .bounds(5, 10)
        .build();
  }

  @Test
  void anOpenWindowClampsTheInnerDecisionToItsBounds() {
    FixedAutoscaler inner = new FixedAutoscaler(2);
    ScheduledScaling s = ScheduledScaling.around(inner).window(businessHours()).build();
    ScalingDecision d = s.decide(at("2026-01-05T10:00:00Z", 2));
    assertThat(d.desiredReplicas()).isEqualTo(5);
    assertThat(d.hasReason("schedule.window")).isTrue();
    assertThat(d.hasReason("fixed")).isTrue();
    inner.desired.set(30);
    assertThat(s.decide(at("2026-01-05T11:00:00Z", 5)).desiredReplicas()).isEqualTo(10);
  }

  @Test
  void outsideEveryWindowTheInnerDecisionStands() {
    ScheduledScaling s =
        ScheduledScaling.around(new FixedAutoscaler(2)).window(businessHours()).build();
    ScalingDecision evening = s.decide(at("2026-01-05T19:00:00Z", 5));
    assertThat(evening.desiredReplicas()).isEqualTo(2);
    assertThat(evening.hasReason("schedule.none")).isTrue();
    assertThat(s.decide(at("2026-01-10T10:00:00Z", 5)).desiredReplicas())
        .as("Saturday")
        .isEqualTo(2);
  }

  @Test
  void aWindowOpensAtItsCronTimeAndClosesAfterItsDuration() {
    ScheduledScaling s =
        ScheduledScaling.around(new FixedAutoscaler(2)).window(businessHours()).build();
    assertThat(s.decide(at("2026-01-05T08:59:59Z", 2)).desiredReplicas()).isEqualTo(2);
    assertThat(s.decide(at("2026-01-05T09:00:00Z", 2)).desiredReplicas()).isEqualTo(5);
    assertThat(s.decide(at("2026-01-05T17:59:59Z", 5)).desiredReplicas()).isEqualTo(5);
    assertThat(s.decide(at("2026-01-05T18:00:00Z", 5)).desiredReplicas()).isEqualTo(2);
  }

  @Test
  void aFixedDesiredCountReplacesTheInnerDecision() {
    ScheduleWindow batch =
        ScheduleWindow.named("nightly-batch")
            .cron("0 2 * * *")
            .duration(Duration.ofHours(1))
            .desired(7)
            .build();
    ScheduledScaling s = ScheduledScaling.around(new FixedAutoscaler(1)).window(batch).build();
    assertThat(s.decide(at("2026-01-05T02:30:00Z", 1)).desiredReplicas()).isEqualTo(7);
  }

  @Test
  void cronIsReadInTheConfiguredZone() {
    ScheduledScaling s =
        ScheduledScaling.around(new FixedAutoscaler(2))
            .zone(ZoneId.of("Europe/Paris"))
            .window(businessHours())
            .build();
    // 09:00 in Paris in January is 08:00 UTC.
    assertThat(s.decide(at("2026-01-05T08:30:00Z", 2)).desiredReplicas()).isEqualTo(5);
    assertThat(s.decide(at("2026-01-05T17:30:00Z", 2)).desiredReplicas()).isEqualTo(2);
  }

  @Test
  void amongOverlappingWindowsTheOneThatOpenedLastWins() {
    ScheduleWindow lunch =
        ScheduleWindow.named("lunch-peak")
            .cron("30 11 * * *")
            .duration(Duration.ofHours(2))
            .bounds(12, 20)
            .build();
    ScheduledScaling s =
        ScheduledScaling.around(new FixedAutoscaler(2))
            .window(lunch)
            .window(businessHours())
            .build();
    assertThat(s.decide(at("2026-01-05T10:00:00Z", 2)).desiredReplicas()).isEqualTo(5);
    ScalingDecision d = s.decide(at("2026-01-05T12:00:00Z", 5));
    assertThat(d.desiredReplicas()).isEqualTo(12);
    assertThat(d.reasons().toString()).contains("lunch-peak");
    assertThat(s.decide(at("2026-01-05T14:00:00Z", 12)).desiredReplicas()).isEqualTo(5);
  }

  @Test
  void badWindowsAreRefusedWithTheirName() {
    assertThatThrownBy(
            () ->
                ScheduleWindow.named("w")
                    .cron("0 25 * * *")
                    .duration(Duration.ofHours(1))
                    .bounds(1, 2)
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("window 'w' cron: '0 25 * * *' is not a UNIX cron expression")
        .hasMessageContaining("25");
    assertThatThrownBy(
            () ->
                ScheduleWindow.named("w")
                    .cron("0 9 * *")
                    .duration(Duration.ofHours(1))
                    .bounds(1, 2)
                    .build())
        .hasMessageContaining("window 'w' cron: '0 9 * *'");
    assertThatThrownBy(
            () ->
                ScheduleWindow.named("w")
                    .cron("0 9 * * *")
                    .duration(Duration.ZERO)
                    .bounds(1, 2)
                    .build())
        .hasMessageContaining("window 'w' duration: PT0S; allowed: a positive duration");
    assertThatThrownBy(
            () ->
                ScheduleWindow.named("w")
                    .cron("0 9 * * *")
                    .duration(Duration.ofMinutes(-5))
                    .bounds(1, 2)
                    .build())
        .hasMessageContaining("duration: PT-5M");
    assertThatThrownBy(() -> ScheduleWindow.named("w").bounds(5, 3))
        .hasMessageContaining("window 'w' minReplicas: 5 is above maxReplicas 3");
    assertThatThrownBy(
            () -> ScheduleWindow.named("w").cron("0 9 * * *").duration(Duration.ofHours(1)).build())
        .hasMessageContaining("neither bounds nor desired");
    assertThatThrownBy(
            () ->
                ScheduleWindow.named("w")
                    .cron("0 9 * * *")
                    .duration(Duration.ofHours(1))
                    .bounds(1, 3)
                    .desired(4)
                    .build())
        .hasMessageContaining("window 'w' desired: 4; allowed: >= 0 and within [1, 3]");
    assertThatThrownBy(
            () ->
                ScheduledScaling.around(new FixedAutoscaler(1))
                    .window(businessHours())
                    .window(businessHours()))
        .hasMessageContaining("window 'business-hours': added twice");
  }

  @Test
  void refusesAnInputOlderThanThePreviousWithoutAskingTheInner() {
    FixedAutoscaler inner = new FixedAutoscaler(2);
    ScheduledScaling s = ScheduledScaling.around(inner).window(businessHours()).build();
    s.decide(at("2026-01-05T10:00:00Z", 2));
    assertThatThrownBy(() -> s.decide(at("2026-01-05T09:00:00Z", 2)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2026-01-05T09:00:00Z")
        .hasMessageContaining("2026-01-05T10:00:00Z");
    assertThat(inner.calls).hasValue(1);
  }
}
