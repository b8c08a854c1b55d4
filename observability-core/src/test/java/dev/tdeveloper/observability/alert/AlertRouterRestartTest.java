package dev.tdeveloper.observability.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.observability.Labels;
import dev.tdeveloper.observability.notify.Notification;
import dev.tdeveloper.observability.notify.Notifier;
import dev.tdeveloper.observability.spi.AlertStateStore;
import dev.tdeveloper.tenancy.testkit.ChildJvm;
import dev.tdeveloper.tenancy.testkit.CrashPoint;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The restart proof on the file store: a router process that notified and was killed leaves a
 * notification log from which the next router, on the same directory, neither repeats the
 * notification within repeat_interval nor withholds the repeat after it.
 */
class AlertRouterRestartTest {
  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
  private static final Instant FIRST_FLUSH = START.plus(Route.DEFAULT_GROUP_WAIT);

  @TempDir Path temp;

  private static Route route() {
    return Route.builder().receiver("ops").groupBy("alertname").build();
  }

  private static Alert alert(Instant startsAt) {
    return Alert.firing(
        Labels.of("alertname", "Down", "severity", "critical", "tenant", "acme"),
        Map.of(),
        startsAt);
  }

  @Test
  void aRouterRestartedOnTheFileStoreAfterACrashSendsNoDuplicateButRepeatsAfterRepeatInterval()
      throws Exception {
    Path dir = temp.resolve("state");
    try (ChildJvm child =
        ChildJvm.start(Notifying.class, temp.resolve("child.err"), dir.toString())) {
      assertThat(child.awaitLine("SENT", 60))
          .contains("NOTIFIED {}:{alertname=\"Down\", tenant=\"acme\"}");
      child.kill();
    }
    ManualClock clock = new ManualClock(FIRST_FLUSH.plusSeconds(1));
    RecordingNotifier ops = new RecordingNotifier("ops");
    try (AlertStateStore store = AlertStateStore.file(dir)) {
      AlertRouter second =
          AlertRouter.builder()
              .route(route())
              .receiver("ops", ops)
              .clock(clock)
              .stateStore(store)
              .build();
      Instant repeatDue = FIRST_FLUSH.plus(Route.DEFAULT_REPEAT_INTERVAL);
      Instant end = repeatDue.plus(Route.DEFAULT_GROUP_INTERVAL);
      while (!clock.instant().isAfter(end)) {
        second.receive(alert(START));
        second.tick();
        clock.advance(Duration.ofMinutes(1));
      }
      assertThat(ops.drain())
          .as("one repeat, only once repeat_interval has passed since the killed router's")
          .singleElement()
          .satisfies(
              n -> {
                assertThat(n.at()).isAfter(repeatDue);
                assertThat(n.action()).isEqualTo(Notification.Action.TRIGGER);
              });
    }
  }

  @Test
  void aRouterClosedAndReopenedOnTheFileStoreKeepsSilences() {
    Path dir = temp.resolve("state");
    ManualClock clock = new ManualClock(START);
    RecordingNotifier ops = new RecordingNotifier("ops");
    Silence silence;
    try (AlertStateStore store = AlertStateStore.file(dir)) {
      AlertRouter first =
          AlertRouter.builder()
              .route(route())
              .receiver("ops", ops)
              .clock(clock)
              .stateStore(store)
              .build();
      silence =
          first.addSilence(
              java.util.List.of(Matcher.equal("alertname", "Down")),
              START,
              START.plus(Duration.ofHours(1)),
              "alice",
              "maintenance",
              java.util.Optional.of("acme"));
    }
    try (AlertStateStore store = AlertStateStore.file(dir)) {
      AlertRouter second =
          AlertRouter.builder()
              .route(route())
              .receiver("ops", ops)
              .clock(clock)
              .stateStore(store)
              .build();
      assertThat(second.silence(silence.id())).contains(silence);
      second.receive(alert(START));
      clock.advance(Duration.ofMinutes(1));
      second.tick();
      assertThat(ops.sent()).isEmpty();
    }
  }

  /** Child: a router on the file store notifies once, says so, and waits to be killed. */
  public static final class Notifying {
    private Notifying() {}

    /** Runs the child. */
    public static void main(String[] args) {
      ChildJvm.exitWhenParentGoes();
      Notifier printing =
          new Notifier() {
            @Override
            public String name() {
              return "stdout";
            }

            @Override
            public void send(Notification notification) {
              System.out.println("NOTIFIED " + notification.key());
            }

            @Override
            public void close() {}
          };
      AlertStateStore store = AlertStateStore.file(Path.of(args[0]));
      AlertRouter router =
          AlertRouter.builder()
              .route(route())
              .receiver("ops", printing)
              .clock(() -> START)
              .stateStore(store)
              .build();
      router.receive(alert(START));
      router.flush(FIRST_FLUSH);
      System.out.println("SENT");
      System.out.flush();
      CrashPoint.hold();
    }
  }
}
