package dev.tdeveloper.observability.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.observability.notify.DeliveryEvent.Delivered;
import dev.tdeveloper.observability.notify.DeliveryEvent.DropCause;
import dev.tdeveloper.observability.notify.DeliveryEvent.Dropped;
import dev.tdeveloper.observability.notify.DeliveryEvent.FailedPermanently;
import dev.tdeveloper.observability.notify.DeliverySettings.Overflow;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class QueuedDeliveryTest {
  private final RecordingServer server = RecordingServer.start();
  private final EventLog events = new EventLog();

  @AfterEach
  void stop() {
    server.close();
  }

  private PagerDutyNotifier notifier(DeliverySettings settings) {
    return PagerDutyNotifier.builder()
        .routingKey(PagerDutyNotifierTest.KEY)
        .endpoint(server.uri("/v2/enqueue"))
        .delivery(settings)
        .listener(events)
        .build();
  }

  /** Sends "busy" and waits until the server holds it, so the delivery thread is occupied. */
  private void occupy(PagerDutyNotifier pd) throws InterruptedException {
    server.hold();
    pd.send(Notifications.trigger("busy"));
    server.awaitHeld();
  }

  private static List<String> keys(List<RecordingServer.Request> requests) {
    return requests.stream()
        .map(r -> Json.parse(r.body()).orElseThrow().get("dedup_key").asText())
        .toList();
  }

  @Test
  void aBurstBeyondCapacityDropsTheOldestAndDeliversTheRestInOrder() throws Exception {
    try (PagerDutyNotifier pd =
        notifier(PagerDutyNotifierTest.FAST.withQueue(5, Overflow.DROP_OLDEST))) {
      occupy(pd);
      IntStream.range(0, 8).forEach(i -> pd.send(Notifications.trigger("n" + i)));
      assertThat(events.of(Dropped.class))
          .extracting(Dropped::key, Dropped::cause)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("n0", DropCause.QUEUE_FULL_OLDEST_DROPPED),
              org.assertj.core.groups.Tuple.tuple("n1", DropCause.QUEUE_FULL_OLDEST_DROPPED),
              org.assertj.core.groups.Tuple.tuple("n2", DropCause.QUEUE_FULL_OLDEST_DROPPED));
      server.release();
      assertThat(keys(server.take(6))).containsExactly("busy", "n3", "n4", "n5", "n6", "n7");
      assertThat(events.await(Delivered.class, 6)).hasSize(6);
    }
  }

  @Test
  void aBurstBeyondCapacityRefusesTheNewestWhenSoConfigured() throws Exception {
    try (PagerDutyNotifier pd =
        notifier(PagerDutyNotifierTest.FAST.withQueue(5, Overflow.REJECT_NEWEST))) {
      occupy(pd);
      IntStream.range(0, 8).forEach(i -> pd.send(Notifications.trigger("n" + i)));
      assertThat(events.of(Dropped.class))
          .extracting(Dropped::key)
          .containsExactly("n5", "n6", "n7");
      assertThat(events.of(Dropped.class))
          .allMatch(d -> d.cause() == DropCause.QUEUE_FULL_NEWEST_REJECTED);
      server.release();
      assertThat(keys(server.take(6))).containsExactly("busy", "n0", "n1", "n2", "n3", "n4");
    }
  }

  @Test
  void closeDeliversEverythingQueuedBeforeReturning() throws Exception {
    PagerDutyNotifier pd = notifier(PagerDutyNotifierTest.FAST);
    occupy(pd);
    IntStream.range(0, 20).forEach(i -> pd.send(Notifications.trigger("n" + i)));
    server.release();
    pd.close();
    assertThat(server.received()).isEqualTo(21);
    assertThat(events.of(Delivered.class)).hasSize(21);
    assertThat(events.of(Dropped.class)).isEmpty();
    assertThatThrownBy(() -> pd.send(Notifications.trigger("late")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("notifier pagerduty is closed");
    pd.close(); // idempotent
  }

  @Test
  void closeAfterTheDrainTimeoutDropsWhatIsLeftAndInterruptsTheAttemptInFlight() throws Exception {
    DeliverySettings settings =
        PagerDutyNotifierTest.FAST.withTimeouts(Duration.ofSeconds(20), Duration.ofMillis(50));
    PagerDutyNotifier pd = notifier(settings);
    occupy(pd);
    pd.send(Notifications.trigger("a"));
    pd.send(Notifications.trigger("b"));
    pd.close();
    assertThat(events.await(Dropped.class, 2))
        .extracting(Dropped::key, Dropped::cause)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("a", DropCause.CLOSED_BEFORE_DELIVERY),
            org.assertj.core.groups.Tuple.tuple("b", DropCause.CLOSED_BEFORE_DELIVERY));
    FailedPermanently inFlight = events.await(FailedPermanently.class, 1).get(0);
    assertThat(inFlight.key()).isEqualTo("busy");
    assertThat(inFlight.reason()).isEqualTo("interrupted: the notifier closed during delivery");
    server.release();
  }

  @Test
  void aListenerThatThrowsDoesNotStopDelivery() throws Exception {
    try (PagerDutyNotifier pd =
        PagerDutyNotifier.builder()
            .routingKey(PagerDutyNotifierTest.KEY)
            .endpoint(server.uri("/v2/enqueue"))
            .delivery(PagerDutyNotifierTest.FAST)
            .listener(
                e -> {
                  throw new IllegalStateException("listener bug");
                })
            .listener(events)
            .build()) {
      pd.send(Notifications.trigger("a"));
      pd.send(Notifications.trigger("b"));
      assertThat(events.await(Delivered.class, 2))
          .extracting(Delivered::key)
          .containsExactly("a", "b");
    }
  }
}
