package dev.tdeveloper.observability.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.observability.Labels;
import dev.tdeveloper.observability.notify.Notification;
import dev.tdeveloper.observability.notify.Notification.Action;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Alertmanager's suppression rules over time: a silence mutes only between its start and end (a
 * pending one mutes nothing, and a group muted past repeat_interval is re-notified once the silence
 * ends), and an inhibition lasts only while its source fires.
 */
class AlertRouterSuppressionTest {
  private final ManualClock clock = new ManualClock();
  private final RecordingNotifier ops = new RecordingNotifier("ops");

  private Alert alert(String name, String... labels) {
    Labels l = Labels.of(labels).with(Alert.ALERTNAME, name);
    if (l.get(Alert.SEVERITY).isEmpty()) {
      l = l.with(Alert.SEVERITY, "critical");
    }
    return Alert.firing(l, Map.of(), clock.instant());
  }

  /** Advances minute by minute, re-sending {@code alerts} (so none resolves) and ticking. */
  private void keepFiring(AlertRouter router, Duration d, Alert... alerts) {
    for (long m = 0; m < d.toMinutes(); m++) {
      clock.advance(Duration.ofMinutes(1));
      for (Alert a : alerts) {
        router.receive(a);
      }
      router.tick();
    }
  }

  @Test
  void aPendingSilenceMutesNothingAndAMutedGroupRepeatsOnceItsSilenceEnds() {
    AlertRouter router =
        AlertRouter.builder()
            .route(Route.builder().receiver("ops").groupBy("alertname").build())
            .receiver("ops", ops)
            .clock(clock)
            .build();
    Instant start = clock.instant();
    router.addSilence(
        List.of(Matcher.equal("alertname", "X")),
        start.plus(Duration.ofMinutes(10)),
        start.plus(Duration.ofHours(6)),
        "alice",
        "maintenance window",
        Optional.empty());
    Alert x = alert("X");
    router.receive(x);
    clock.advance(Duration.ofSeconds(30));
    router.tick();
    assertThat(ops.drain())
        .singleElement()
        .satisfies(n -> assertThat(n.action()).isEqualTo(Action.TRIGGER));
    // active from 10 m to 6 h: repeat_interval (4 h) passes, nothing is sent
    keepFiring(router, Duration.ofMinutes(6 * 60 - 1), x);
    assertThat(ops.sent()).isEmpty();
    assertThat(router.alerts())
        .singleElement()
        .satisfies(s -> assertThat(s.state()).isEqualTo(AlertStatus.State.SUPPRESSED));
    // ended: the next group_interval flush repeats, the last notification being older than 4 h
    keepFiring(router, Duration.ofMinutes(5), x);
    assertThat(ops.drain())
        .singleElement()
        .satisfies(n -> assertThat(n.action()).isEqualTo(Action.TRIGGER));
  }

  @Test
  void anInhibitedAlertIsNotifiedOnceItsSourceResolves() {
    AlertRouter router =
        AlertRouter.builder()
            .route(Route.builder().receiver("ops").groupBy("...").build())
            .receiver("ops", ops)
            .inhibitRule(InhibitRule.of("severity=\"critical\"", "severity=\"warning\"", "cluster"))
            .clock(clock)
            .build();
    Alert source = alert("Down", "cluster", "eu");
    Alert target = alert("Slow", "severity", "warning", "cluster", "eu");
    router.receive(source);
    router.receive(target);
    clock.advance(Duration.ofSeconds(30));
    router.tick();
    assertThat(ops.drain())
        .singleElement()
        .satisfies(n -> assertThat(n.alerts().get(0).name()).isEqualTo("Down"));
    // the source stays firing for 4 more minutes: the target stays muted
    keepFiring(router, Duration.ofMinutes(4), source, target);
    assertThat(ops.sent()).isEmpty();
    router.receive(source.resolvedAt(clock.instant()));
    assertThat(router.alerts())
        .filteredOn(s -> s.alert().name().equals("Slow"))
        .singleElement()
        .satisfies(s -> assertThat(s.state()).isEqualTo(AlertStatus.State.ACTIVE));
    keepFiring(router, Duration.ofMinutes(1), target); // 5 m 30 s: both groups flush
    List<Notification> sent = ops.drain();
    assertThat(sent)
        .extracting(n -> n.alerts().get(0).name() + " " + n.action())
        .containsExactly("Down RESOLVE", "Slow TRIGGER");
  }
}
