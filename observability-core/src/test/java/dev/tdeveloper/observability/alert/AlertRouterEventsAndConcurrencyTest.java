package dev.tdeveloper.observability.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.observability.Labels;
import dev.tdeveloper.observability.notify.Notification;
import dev.tdeveloper.tenancy.testkit.Concurrently;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class AlertRouterEventsAndConcurrencyTest {
  private final ManualClock clock = new ManualClock();
  private final RecordingNotifier ops = new RecordingNotifier("ops");

  private Alert alert(String name, String instance) {
    return Alert.firing(
        Labels.of("alertname", name, "severity", "warning", "instance", instance),
        Map.of(),
        clock.instant());
  }

  @Test
  void listenersHearNotificationsAndSilenceChangesEvenWhenAnotherListenerThrows() {
    List<AlertRouterEvent> events = new CopyOnWriteArrayList<>();
    AlertRouter router =
        AlertRouter.builder()
            .route(Route.builder().receiver("ops").groupBy("alertname").build())
            .receiver("ops", ops)
            .clock(clock)
            .listener(
                e -> {
                  throw new IllegalStateException("a broken listener");
                })
            .listener(events::add)
            .build();
    router.receive(alert("X", "a"));
    clock.advance(Duration.ofSeconds(30));
    router.tick();
    Silence silence =
        router.addSilence(
            List.of(Matcher.equal("alertname", "Y")),
            clock.instant(),
            clock.instant().plus(Duration.ofHours(1)),
            "alice",
            "deploy",
            Optional.empty());
    Silence expired = router.expireSilence(silence.id());

    assertThat(ops.sent()).hasSize(1);
    assertThat(events).hasSize(3);
    assertThat(events.get(0))
        .isEqualTo(new AlertRouterEvent.Notified(ops.sent().get(0)))
        .satisfies(
            e ->
                assertThat(((AlertRouterEvent.Notified) e).notification().key())
                    .isEqualTo("{}:{alertname=\"X\"}"));
    assertThat(events.get(1)).isEqualTo(new AlertRouterEvent.SilenceAdded(silence));
    assertThat(events.get(2)).isEqualTo(new AlertRouterEvent.SilenceExpired(expired));
    assertThat(expired.endsAt()).isEqualTo(clock.instant());
  }

  @Test
  void concurrentReceivesWhileTickRunsNotifyEveryFiringAlertOncePerGroupFlush() throws Exception {
    int senders = 4;
    int perSender = 500;
    int groupsCount = 20;
    AlertRouter router =
        AlertRouter.builder()
            .route(
                Route.builder()
                    .receiver("ops")
                    .groupBy("alertname")
                    .groupWait(Duration.ZERO)
                    .build())
            .receiver("ops", ops)
            .clock(clock)
            .resolveTimeout(Duration.ofHours(1))
            .build();
    AtomicBoolean sending = new AtomicBoolean(true);
    int[] done = {0};
    Concurrently.run(
        senders + 1,
        thread -> {
          if (thread == senders) {
            while (sending.get()) {
              router.tick(); // the clock stands still: each group flushes at most once here
            }
            return;
          }
          for (int i = 0; i < perSender; i++) {
            router.receive(alert("A" + (i % groupsCount), thread + "-" + i));
            router.receive(alert("A" + (i % groupsCount), thread + "-" + i)); // a re-send
          }
          synchronized (done) {
            if (++done[0] == senders) {
              sending.set(false);
            }
          }
        });
    router.tick(); // groups created after the ticker's last pass
    clock.advance(Route.DEFAULT_GROUP_INTERVAL);
    router.tick(); // every group that changed since its first flush tells the rest

    Map<String, List<Notification>> byGroup = new HashMap<>();
    ops.sent().forEach(n -> byGroup.computeIfAbsent(n.key(), k -> new ArrayList<>()).add(n));
    assertThat(byGroup).hasSize(groupsCount);
    byGroup.forEach(
        (key, notifications) -> {
          assertThat(notifications).hasSizeLessThanOrEqualTo(2);
          Set<Object> flushTimes = new HashSet<>();
          for (Notification n : notifications) {
            assertThat(flushTimes.add(n.at())).as("one notification per flush of " + key).isTrue();
            Set<Long> fingerprints = new HashSet<>();
            n.alerts().forEach(a -> assertThat(fingerprints.add(a.fingerprint())).isTrue());
            assertThat(n.action()).isEqualTo(Notification.Action.TRIGGER);
          }
          Notification last = notifications.get(notifications.size() - 1);
          assertThat(last.alerts()).hasSize(senders * perSender / groupsCount);
        });
    assertThat(router.alerts()).hasSize(senders * perSender);
    assertThat(router.groups()).hasSize(groupsCount);
    clock.advance(Route.DEFAULT_GROUP_INTERVAL);
    router.tick();
    assertThat(ops.sent()).hasSize(byGroup.values().stream().mapToInt(List::size).sum());
  }

  @Test
  void aGroupDroppedAfterItsResolutionIsRecreatedAndFlushedOnceAfterGroupWait() {
    AlertRouter router =
        AlertRouter.builder()
            .route(Route.builder().receiver("ops").groupBy("alertname").build())
            .receiver("ops", ops)
            .clock(clock)
            .build();
    Alert first = alert("X", "a");
    router.receive(first);
    clock.advance(Duration.ofSeconds(30));
    router.tick();
    router.receive(first.resolvedAt(clock.instant()));
    clock.advance(Duration.ofMinutes(5));
    router.tick();
    assertThat(ops.drain())
        .extracting(Notification::action)
        .containsExactly(Notification.Action.TRIGGER, Notification.Action.RESOLVE);
    assertThat(router.groups()).isEmpty();

    router.receive(alert("X", "a")); // fires again: a new group under the same key
    clock.advance(Duration.ofSeconds(29));
    router.tick();
    assertThat(ops.sent()).isEmpty();
    clock.advance(Duration.ofSeconds(1));
    router.tick();
    assertThat(ops.drain()).singleElement().satisfies(n -> assertThat(n.alerts()).hasSize(1));
    for (int i = 0; i < 12; i++) { // the old group's schedule is gone: nothing more within 1 h
      clock.advance(Duration.ofMinutes(5));
      router.receive(alert("X", "a"));
      router.tick();
    }
    assertThat(ops.sent()).isEmpty();
  }
}
