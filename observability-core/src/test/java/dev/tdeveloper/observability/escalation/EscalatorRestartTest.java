package dev.tdeveloper.observability.escalation;

import static dev.tdeveloper.observability.escalation.EscalationTarget.user;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.observability.Labels;
import dev.tdeveloper.observability.alert.Alert;
import dev.tdeveloper.observability.incident.Incident;
import dev.tdeveloper.observability.incident.IncidentCorrelator;
import dev.tdeveloper.observability.incident.IncidentEvent;
import dev.tdeveloper.observability.notify.Notification;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A restarted escalator over the same file store goes on where it was, paging nobody twice. */
class EscalatorRestartTest {
  @TempDir Path temp;

  private final ManualClock clock = new ManualClock();
  private final EscalationPolicy policy =
      EscalationPolicy.builder("three-levels")
          .level(10, user("alice"))
          .level(10, user("bob"))
          .level(10, user("carol"))
          .build();

  private Escalator start(FileEscalationStateStore store, RecordingNotifier notifier) {
    return Escalator.builder()
        .clock(clock)
        .policy(policy)
        .notifier(notifier)
        .stateStore(store)
        .build();
  }

  @Test
  void aRestartResumesEscalationWithoutPagingAnyLevelAgain() {
    RecordingNotifier before = new RecordingNotifier();
    Incident incident;
    try (FileEscalationStateStore store = FileEscalationStateStore.open(temp)) {
      Escalator escalator = start(store, before);
      incident =
          IncidentCorrelator.builder()
              .clock(clock)
              .listener(escalator)
              .build()
              .ingest(
                  Alert.firing(
                      Labels.of("alertname", "DbDown", "severity", "critical", "tenant", "acme"),
                      Map.of(),
                      clock.instant()))
              .orElseThrow();
      clock.advance(Duration.ofMinutes(10));
      escalator.tick();
    }
    assertThat(before.drain())
        .containsExactly("TRIGGER alice " + incident.id(), "TRIGGER bob " + incident.id());

    clock.advance(Duration.ofMinutes(2));
    RecordingNotifier after = new RecordingNotifier();
    try (FileEscalationStateStore store = FileEscalationStateStore.open(temp)) {
      Escalator restarted = start(store, after);
      restarted.onEvent(new IncidentEvent.Opened(incident));
      assertThat(restarted.tick()).isZero();
      assertThat(after.drain()).isEmpty();
      clock.advance(Duration.ofMinutes(8));
      assertThat(restarted.tick()).isEqualTo(1);
      Notification page = after.sent().get(0);
      assertThat(page.receiver()).isEqualTo("carol");
      assertThat(page.key()).isEqualTo(incident.id());
      assertThat(page.summary()).contains("DbDown", "level 3 of 3");
      after.drain();
      restarted.onEvent(new IncidentEvent.Acknowledged(incident, "carol"));
      assertThat(after.drain())
          .containsExactly(
              "ACKNOWLEDGE alice " + incident.id(),
              "ACKNOWLEDGE bob " + incident.id(),
              "ACKNOWLEDGE carol " + incident.id());
    }

    RecordingNotifier third = new RecordingNotifier();
    try (FileEscalationStateStore store = FileEscalationStateStore.open(temp)) {
      Escalator again = start(store, third);
      clock.advance(Duration.ofHours(2));
      assertThat(again.tick()).isZero();
      assertThat(again.state(incident.id()).orElseThrow().acknowledgement()).isPresent();
      again.onEvent(new IncidentEvent.Resolved(incident));
      assertThat(third.drain())
          .containsExactly(
              "RESOLVE alice " + incident.id(),
              "RESOLVE bob " + incident.id(),
              "RESOLVE carol " + incident.id());
      assertThat(store.loadAll()).isEmpty();
    }
  }
}
