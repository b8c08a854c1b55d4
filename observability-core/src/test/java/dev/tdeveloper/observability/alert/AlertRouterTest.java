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

class AlertRouterTest {
  private final ManualClock clock = new ManualClock();
  private final RecordingNotifier ops = new RecordingNotifier("ops");
  private final RecordingNotifier pager = new RecordingNotifier("pager");

  private AlertRouter router(RouteBuilder route) {
    return AlertRouter.builder()
        .route(route.build())
        .receiver("ops", ops)
        .receiver("pager", pager)
        .clock(clock)
        .build();
  }

  private Alert alert(String name, String... labels) {
    Labels l = Labels.of(labels).with(Alert.ALERTNAME, name);
    if (l.get(Alert.SEVERITY).isEmpty()) {
      l = l.with(Alert.SEVERITY, "critical");
    }
    return Alert.firing(l, Map.of(), clock.instant());
  }

  private void advanceReceiveAndTick(AlertRouter router, Duration d, Alert... alerts) {
    clock.advance(d);
    for (Alert a : alerts) {
      router.receive(a);
    }
    router.tick();
  }

  private void advanceAndTick(AlertRouter router, Duration d) {
    clock.advance(d);
    router.tick();
  }

  @Test
  void firstNotificationWaitsForGroupWaitAndGroupsByLabels() {
    AlertRouter router = router(Route.builder().receiver("ops").groupBy("alertname"));
    router.receive(alert("HighLatency", "tenant", "acme", "instance", "a"));
    router.receive(alert("HighLatency", "tenant", "acme", "instance", "b"));
    advanceAndTick(router, Duration.ofSeconds(29));
    assertThat(ops.sent()).isEmpty();
    advanceAndTick(router, Duration.ofSeconds(1));
    List<Notification> sent = ops.drain();
    assertThat(sent).hasSize(1);
    Notification n = sent.get(0);
    assertThat(n.action()).isEqualTo(Action.TRIGGER);
    assertThat(n.alerts()).hasSize(2);
    assertThat(n.summary()).isEqualTo("[FIRING:2] HighLatency tenant=acme");
    assertThat(n.groupLabels()).isEqualTo(Labels.of("alertname", "HighLatency", "tenant", "acme"));
    assertThat(n.key()).isEqualTo("{}:{alertname=\"HighLatency\", tenant=\"acme\"}");
  }

  @Test
  void groupByAllMakesOneGroupPerLabelSet() {
    AlertRouter router = router(Route.builder().receiver("ops").groupBy("..."));
    router.receive(alert("X", "instance", "a"));
    router.receive(alert("X", "instance", "b"));
    advanceAndTick(router, Duration.ofSeconds(30));
    assertThat(ops.drain()).hasSize(2).allSatisfy(n -> assertThat(n.alerts()).hasSize(1));
  }

  @Test
  void changesWaitForGroupIntervalAndUnchangedGroupsRepeatAfterRepeatInterval() {
    AlertRouter router = router(Route.builder().receiver("ops").groupBy("alertname"));
    Alert a = alert("X", "instance", "a");
    router.receive(a);
    advanceAndTick(router, Duration.ofSeconds(30));
    assertThat(ops.drain()).hasSize(1);
    clock.advance(Duration.ofMinutes(1));
    Alert b = alert("X", "instance", "b");
    router.receive(b);
    advanceReceiveAndTick(router, Duration.ofMinutes(3), a, b); // 4 min after the first flush
    assertThat(ops.sent()).isEmpty();
    advanceReceiveAndTick(router, Duration.ofMinutes(1), a, b); // group_interval reached
    assertThat(ops.drain()).singleElement().satisfies(n -> assertThat(n.alerts()).hasSize(2));
    // both keep firing and nothing changes: a repeat only once 4 h have passed, at a flush
    for (int i = 0; i < 48; i++) {
      advanceReceiveAndTick(router, Duration.ofMinutes(5), a, b);
    }
    assertThat(ops.sent()).isEmpty();
    advanceReceiveAndTick(router, Duration.ofMinutes(5), a, b);
    assertThat(ops.drain())
        .singleElement()
        .satisfies(n -> assertThat(n.at()).isEqualTo(Instant.parse("2026-01-01T04:10:30Z")));
  }

  @Test
  void resolvedAlertsAreSentOnceThenDropped() {
    AlertRouter router = router(Route.builder().receiver("ops").groupBy("alertname"));
    Alert a = alert("X", "instance", "a");
    router.receive(a);
    advanceAndTick(router, Duration.ofSeconds(30));
    ops.drain();
    router.receive(a.resolvedAt(clock.instant()));
    advanceAndTick(router, Duration.ofMinutes(5));
    Notification n = ops.drain().get(0);
    assertThat(n.action()).isEqualTo(Action.RESOLVE);
    assertThat(n.summary()).startsWith("[RESOLVED] X");
    assertThat(router.alerts()).isEmpty();
    assertThat(router.groups()).isEmpty();
    advanceAndTick(router, Duration.ofHours(5));
    assertThat(ops.sent()).isEmpty();
  }

  @Test
  void aFiringAlertNotResentWithinResolveTimeoutResolves() {
    AlertRouter router = router(Route.builder().receiver("ops").groupBy("alertname"));
    router.receive(alert("X"));
    advanceAndTick(router, Duration.ofSeconds(30));
    ops.drain();
    advanceAndTick(router, Duration.ofMinutes(5)); // 5m30s after receipt: resolved by timeout
    Notification n = ops.drain().get(0);
    assertThat(n.action()).isEqualTo(Action.RESOLVE);
    assertThat(n.alerts().get(0).endsAt()).contains(Instant.parse("2026-01-01T00:05:00Z"));
  }

  @Test
  void reSendingTheSameAlertIsDeduplicated() {
    AlertRouter router = router(Route.builder().receiver("ops"));
    Alert a = alert("X", "instance", "a");
    for (int i = 0; i < 5; i++) {
      router.receive(a);
      clock.advance(Duration.ofSeconds(6));
    }
    router.tick();
    assertThat(router.alerts()).hasSize(1);
    assertThat(ops.drain()).singleElement().satisfies(n -> assertThat(n.alerts()).hasSize(1));
  }

  @Test
  void continueSendsToLaterSiblingsToo() {
    AlertRouter router =
        router(
            Route.builder()
                .receiver("ops")
                .child(
                    Route.builder()
                        .matcher("severity=\"critical\"")
                        .receiver("pager")
                        .continueMatching(true))
                .child(Route.builder().matcher("alertname=~\"X|Y\"").receiver("ops"))
                .child(Route.builder().matcher("alertname=\"X\"").receiver("pager")));
    router.receive(alert("X"));
    advanceAndTick(router, Duration.ofSeconds(30));
    assertThat(pager.drain()).hasSize(1);
    assertThat(ops.drain()).hasSize(1); // second child; the third is not tried (no continue)
    router.receive(alert("Z", "severity", "warning"));
    advanceAndTick(router, Duration.ofSeconds(30));
    assertThat(ops.drain()).singleElement().satisfies(n -> assertThat(n.key()).startsWith("{}:"));
    assertThat(pager.sent()).isEmpty();
  }

  @Test
  void childrenInheritUnsetSettings() {
    Route root =
        Route.builder()
            .receiver("ops")
            .groupBy("alertname")
            .repeatInterval(Duration.ofHours(1))
            .child(Route.builder().matcher("team=\"db\"").groupWait(Duration.ofSeconds(10)))
            .build();
    Route child = root.children().get(0);
    assertThat(child.receiver()).isEqualTo("ops");
    assertThat(child.groupBy()).containsExactly("alertname");
    assertThat(child.groupWait()).isEqualTo(Duration.ofSeconds(10));
    assertThat(child.groupInterval()).isEqualTo(Route.DEFAULT_GROUP_INTERVAL);
    assertThat(child.repeatInterval()).isEqualTo(Duration.ofHours(1));
    assertThat(root.groupWait()).isEqualTo(Duration.ofSeconds(30));
    assertThat(child.key()).isEqualTo("{}/{team=\"db\"}");
  }

  @Test
  void anAlertOlderThanGroupWaitIsSentAtOnce() {
    AlertRouter router = router(Route.builder().receiver("ops"));
    router.receive(
        Alert.firing(
            Labels.of("alertname", "X", "severity", "critical"),
            Map.of(),
            clock.instant().minus(Duration.ofMinutes(2))));
    router.tick();
    assertThat(ops.drain()).hasSize(1);
  }

  @Test
  void silencedAlertsAreListedButNotNotifiedUntilTheSilenceExpires() {
    AlertRouter router = router(Route.builder().receiver("ops").groupBy("alertname"));
    Silence s =
        router.addSilence(
            List.of(Matcher.equal("alertname", "X")),
            clock.instant(),
            clock.instant().plus(Duration.ofHours(1)),
            "alice",
            "maintenance",
            Optional.empty());
    router.receive(alert("X"));
    advanceAndTick(router, Duration.ofSeconds(30));
    assertThat(ops.sent()).isEmpty();
    assertThat(router.alerts())
        .singleElement()
        .satisfies(
            st -> {
              assertThat(st.state()).isEqualTo(AlertStatus.State.SUPPRESSED);
              assertThat(st.silencedBy()).containsExactly(s.id());
            });
    router.expireSilence(s.id());
    advanceReceiveAndTick(router, Duration.ofMinutes(5), alert("X"));
    assertThat(ops.drain()).hasSize(1);
    assertThat(router.silence(s.id()).orElseThrow().stateAt(clock.instant()))
        .isEqualTo(Silence.State.EXPIRED);
  }

  @Test
  void aSilenceEndsByItself() {
    AlertRouter router = router(Route.builder().receiver("ops"));
    router.addSilence(
        List.of(Matcher.equal("alertname", "X")),
        clock.instant(),
        clock.instant().plus(Duration.ofMinutes(2)),
        "alice",
        "deploy",
        Optional.empty());
    router.receive(alert("X"));
    advanceAndTick(router, Duration.ofSeconds(30));
    assertThat(ops.sent()).isEmpty();
    advanceReceiveAndTick(router, Duration.ofMinutes(5), alert("X"));
    assertThat(ops.drain()).hasSize(1);
  }

  @Test
  void inhibitionMutesTargetsWithEqualLabelsButNotTheSourceItself() {
    AlertRouter router =
        AlertRouter.builder()
            .route(Route.builder().receiver("ops").groupBy("...").build())
            .receiver("ops", ops)
            .inhibitRule(InhibitRule.of("severity=\"critical\"", "severity=\"warning\"", "cluster"))
            .inhibitRule(InhibitRule.of("alertname=\"Down\"", "alertname=\"Down\""))
            .clock(clock)
            .build();
    Alert source = alert("Down", "cluster", "eu");
    router.receive(source);
    router.receive(alert("Slow", "severity", "warning", "cluster", "eu"));
    router.receive(alert("Slow", "severity", "warning", "cluster", "us"));
    advanceAndTick(router, Duration.ofSeconds(30));
    assertThat(ops.drain())
        .extracting(n -> n.alerts().get(0).labels().get("cluster").orElseThrow())
        .containsExactlyInAnyOrder("eu", "us");
    List<AlertStatus> statuses = router.alerts();
    assertThat(statuses)
        .filteredOn(st -> st.state() == AlertStatus.State.SUPPRESSED)
        .singleElement()
        .satisfies(
            st -> assertThat(st.inhibitedBy()).containsExactly(source.labels().fingerprintHex()));
  }

  @Test
  void noDuplicateAfterARestartWithinRepeatIntervalButARepeatAfterIt() {
    var store = dev.tdeveloper.observability.spi.AlertStateStore.inMemory();
    Route route = Route.builder().receiver("ops").groupBy("alertname").build();
    AlertRouter first =
        AlertRouter.builder()
            .route(route)
            .receiver("ops", ops)
            .clock(clock)
            .stateStore(store)
            .build();
    first.receive(alert("X"));
    advanceAndTick(first, Duration.ofSeconds(30));
    assertThat(ops.drain()).hasSize(1);
    AlertRouter second =
        AlertRouter.builder()
            .route(route)
            .receiver("ops", ops)
            .clock(clock)
            .stateStore(store)
            .build();
    for (int i = 0; i < 48; i++) {
      advanceReceiveAndTick(second, Duration.ofMinutes(5), alert("X"));
    }
    assertThat(ops.sent()).isEmpty();
    advanceReceiveAndTick(second, Duration.ofMinutes(5), alert("X"));
    assertThat(ops.drain()).hasSize(1);
  }
}
