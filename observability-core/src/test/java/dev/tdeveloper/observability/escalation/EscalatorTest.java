package dev.tdeveloper.observability.escalation;

import static dev.tdeveloper.observability.escalation.EscalationTarget.schedule;
import static dev.tdeveloper.observability.escalation.EscalationTarget.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.observability.Labels;
import dev.tdeveloper.observability.alert.Alert;
import dev.tdeveloper.observability.incident.Incident;
import dev.tdeveloper.observability.incident.IncidentCorrelator;
import dev.tdeveloper.observability.notify.Notification;
import dev.tdeveloper.observability.notify.Notifier;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class EscalatorTest {
  private final ManualClock clock = new ManualClock(Instant.parse("2026-03-02T10:00:00Z"));
  private final RecordingNotifier notifier = new RecordingNotifier();
  private final OnCallSchedule primary =
      OnCallSchedule.builder("primary")
          .zone(ZoneId.of("Europe/Berlin"))
          .users("bob", "carol")
          .handoff(LocalDate.of(2026, 3, 1), DayOfWeek.MONDAY, LocalTime.of(9, 0))
          .build();
  private final EscalationPolicy policy =
      EscalationPolicy.builder("platform")
          .level(10, user("alice"))
          .level(15, schedule("primary"))
          .repeats(1)
          .build();
  private final Escalator escalator =
      Escalator.builder().clock(clock).policy(policy).schedule(primary).notifier(notifier).build();
  private final IncidentCorrelator correlator =
      IncidentCorrelator.builder().clock(clock).listener(escalator).build();

  private Incident open(String tenant) {
    return correlator
        .ingest(
            Alert.firing(
                Labels.of("alertname", "HighErrorRate", "severity", "critical", "tenant", tenant),
                Map.of("summary", "5xx above 2%"),
                clock.instant()))
        .orElseThrow();
  }

  private void advanceMinutes(int minutes) {
    clock.advance(Duration.ofMinutes(minutes));
  }

  @Test
  void notifiesLevelOneAtOnceAndLevelTwoAfterItsDelay() {
    Incident incident = open("acme");
    List<Notification> first = notifier.sent();
    assertThat(first).hasSize(1);
    Notification page = first.get(0);
    assertThat(page.key()).isEqualTo(incident.id());
    assertThat(page.action()).isEqualTo(Notification.Action.TRIGGER);
    assertThat(page.receiver()).isEqualTo("alice");
    assertThat(page.groupLabels()).isEqualTo(Labels.of("tenant", "acme"));
    assertThat(page.alerts()).hasSize(1);
    assertThat(page.summary())
        .isEqualTo(
            "[CRITICAL] HighErrorRate: 5xx above 2% [tenant=acme] (escalation level 1 of 2,"
                + " pass 1 of 2)");
    notifier.drain();
    advanceMinutes(9);
    assertThat(escalator.tick()).isZero();
    assertThat(notifier.drain()).isEmpty();
    advanceMinutes(1);
    assertThat(escalator.tick()).isEqualTo(1);
    assertThat(notifier.drain()).containsExactly("TRIGGER bob " + incident.id());
  }

  @Test
  void repeatsThePolicyThenStopsOnTheLastLevel() {
    Incident incident = open("acme");
    String id = incident.id();
    for (int minute = 1; minute <= 120; minute++) {
      advanceMinutes(1);
      escalator.tick();
    }
    assertThat(notifier.drain())
        .containsExactly(
            "TRIGGER alice " + id, "TRIGGER bob " + id, "TRIGGER alice " + id, "TRIGGER bob " + id);
    assertThat(escalator.state(id).orElseThrow().nextEscalationAt()).isEmpty();
    assertThat(escalator.state(id).orElseThrow().round()).isEqualTo(1);
  }

  @Test
  void aLateTickNotifiesEveryLevelThatCameDueInOrder() {
    Incident incident = open("acme");
    notifier.drain();
    advanceMinutes(26);
    assertThat(escalator.tick()).isEqualTo(2);
    assertThat(notifier.drain())
        .containsExactly("TRIGGER bob " + incident.id(), "TRIGGER alice " + incident.id());
    advanceMinutes(8);
    assertThat(escalator.tick()).isZero();
    advanceMinutes(1);
    assertThat(escalator.tick()).isEqualTo(1);
  }

  @Test
  void acknowledgementStopsEscalationAndTellsEveryoneNotified() {
    Incident incident = open("acme");
    advanceMinutes(10);
    escalator.tick();
    notifier.drain();
    correlator.acknowledge(incident.id(), "bob");
    assertThat(notifier.drain())
        .containsExactly("ACKNOWLEDGE alice " + incident.id(), "ACKNOWLEDGE bob " + incident.id());
    advanceMinutes(120);
    assertThat(escalator.tick()).isZero();
    assertThat(notifier.drain()).isEmpty();
    assertThat(escalator.state(incident.id()).orElseThrow().acknowledgement().orElseThrow().by())
        .isEqualTo("bob");
  }

  @Test
  void resolutionStopsEscalationTellsEveryoneNotifiedAndForgetsTheIncident() {
    Incident incident = open("acme");
    notifier.drain();
    correlator.resolve(incident.id());
    List<Notification> sent = notifier.sent();
    assertThat(sent).extracting(Notification::action).containsExactly(Notification.Action.RESOLVE);
    assertThat(sent.get(0).summary()).startsWith("[RESOLVED] HighErrorRate");
    assertThat(escalator.state(incident.id())).isEmpty();
    advanceMinutes(60);
    assertThat(escalator.tick()).isZero();
  }

  @Test
  void acmesAcknowledgementNeverStopsGlobexsEscalation() {
    EscalationPolicy globexPolicy =
        EscalationPolicy.builder("globex-team")
            .level(5, user("dave"))
            .level(5, user("erin"))
            .build();
    RecordingNotifier recording = new RecordingNotifier();
    Escalator perTenant =
        Escalator.builder()
            .clock(clock)
            .policy(policy)
            .tenantPolicy("globex", globexPolicy)
            .schedule(primary)
            .notifier(recording)
            .build();
    IncidentCorrelator shared =
        IncidentCorrelator.builder().clock(clock).listener(perTenant).build();
    Alert acmeAlert =
        Alert.firing(
            Labels.of("alertname", "A", "severity", "error", "tenant", "acme", "dependency", "db"),
            Map.of(),
            clock.instant());
    Alert globexAlert =
        Alert.firing(
            Labels.of(
                "alertname", "A", "severity", "error", "tenant", "globex", "dependency", "db"),
            Map.of(),
            clock.instant());
    Incident acme = shared.ingest(acmeAlert).orElseThrow();
    Incident globex = shared.ingest(globexAlert).orElseThrow();
    assertThat(recording.drain())
        .containsExactly("TRIGGER alice " + acme.id(), "TRIGGER dave " + globex.id());
    shared.acknowledge(acme.id(), "alice");
    assertThat(recording.drain()).containsExactly("ACKNOWLEDGE alice " + acme.id());
    advanceMinutes(10);
    perTenant.tick();
    assertThat(recording.drain()).containsExactly("TRIGGER erin " + globex.id());
    assertThat(perTenant.state(globex.id()).orElseThrow().isAcknowledged()).isFalse();
  }

  @Test
  void schedulesResolveToWhoeverIsOnCallIncludingOverrides() {
    Incident incident = open("acme");
    escalator.replaceSchedule(
        primary.withOverride(
            new OnCallSchedule.OnCallOverride(
                "zoe", clock.instant(), clock.instant().plus(Duration.ofHours(1)))));
    notifier.drain();
    advanceMinutes(10);
    escalator.tick();
    assertThat(notifier.drain()).containsExactly("TRIGGER zoe " + incident.id());
    assertThatThrownBy(
            () ->
                escalator.replaceSchedule(
                    OnCallSchedule.builder("other")
                        .zone(ZoneId.of("UTC"))
                        .users("x")
                        .handoff(LocalDate.of(2026, 1, 1), DayOfWeek.MONDAY, LocalTime.NOON)
                        .build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no schedule named 'other'");
  }

  @Test
  void aNotifierThatThrowsNeverStopsTheOthers() {
    Notifier broken =
        new Notifier() {
          @Override
          public String name() {
            return "broken";
          }

          @Override
          public void send(Notification notification) {
            throw new IllegalStateException("closed");
          }

          @Override
          public void close() {}
        };
    RecordingNotifier recording = new RecordingNotifier();
    Escalator both =
        Escalator.builder()
            .clock(clock)
            .policy(policy)
            .schedule(primary)
            .notifier(broken)
            .notifier(recording)
            .build();
    IncidentCorrelator.builder()
        .clock(clock)
        .listener(both)
        .build()
        .ingest(
            Alert.firing(
                Labels.of("alertname", "A", "severity", "error"), Map.of(), clock.instant()));
    assertThat(recording.drain()).hasSize(1);
  }

  @Test
  void operatorsAcknowledgeAndResolveByIdOnce() {
    Incident incident = open("acme");
    notifier.drain();
    assertThatThrownBy(() -> escalator.acknowledge(incident.id(), " "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'by' is blank");
    assertThat(escalator.state(incident.id()).orElseThrow().isAcknowledged()).isFalse();
    assertThat(escalator.acknowledge(incident.id(), "ops")).isTrue();
    assertThat(escalator.acknowledge(incident.id(), "ops")).isFalse();
    assertThat(escalator.resolve(incident.id())).isTrue();
    assertThat(escalator.resolve(incident.id())).isFalse();
    assertThat(escalator.acknowledge("01JUNKNOWN", "ops")).isFalse();
    assertThat(notifier.drain())
        .containsExactly("ACKNOWLEDGE alice " + incident.id(), "RESOLVE alice " + incident.id());
  }

  @Test
  void aScheduleWithNobodyOnCallIsSkippedAndEscalationGoesOn() {
    OnCallSchedule future =
        OnCallSchedule.builder("primary")
            .zone(ZoneId.of("Europe/Berlin"))
            .users("bob")
            .handoff(LocalDate.of(2027, 1, 1), DayOfWeek.MONDAY, LocalTime.of(9, 0))
            .build();
    escalator.replaceSchedule(future);
    Incident incident = open("acme");
    advanceMinutes(25);
    assertThat(escalator.tick()).isEqualTo(2);
    assertThat(notifier.drain())
        .containsExactly("TRIGGER alice " + incident.id(), "TRIGGER alice " + incident.id());
  }

  @Test
  void theScheduledTickEscalatesOnItsOwn() throws Exception {
    BlockingQueue<Notification> pages = new LinkedBlockingQueue<>();
    Notifier queueing =
        new Notifier() {
          @Override
          public String name() {
            return "queue";
          }

          @Override
          public void send(Notification notification) {
            pages.add(notification);
          }

          @Override
          public void close() {}
        };
    Escalator scheduled =
        Escalator.builder()
            .clock(clock)
            .policy(policy)
            .schedule(primary)
            .notifier(queueing)
            .build();
    IncidentCorrelator.builder()
        .clock(clock)
        .listener(scheduled)
        .build()
        .ingest(
            Alert.firing(
                Labels.of("alertname", "A", "severity", "error"), Map.of(), clock.instant()));
    assertThat(pages.poll(30, TimeUnit.SECONDS).receiver()).isEqualTo("alice");
    advanceMinutes(10);
    ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
    try {
      scheduled.schedule(executor, Duration.ofSeconds(1));
      Notification page = pages.poll(30, TimeUnit.SECONDS);
      assertThat(page).isNotNull();
      assertThat(page.receiver()).isEqualTo("bob");
    } finally {
      executor.shutdownNow();
    }
  }

  @Test
  void rejectsBadSetupsNamingWhatIsWrong() {
    assertThatThrownBy(() -> Escalator.builder().policy(policy).notifier(notifier).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("policy platform names schedule 'primary', which was not added");
    assertThatThrownBy(() -> Escalator.builder().policy(policy).schedule(primary).build())
        .hasMessageContaining("no notifier is set");
    assertThatThrownBy(() -> Escalator.builder().notifier(notifier).build())
        .hasMessageContaining("policy is not set");
    assertThatThrownBy(
            () -> Escalator.builder().notifier(notifier).notifier(new RecordingNotifier()))
        .hasMessageContaining("notifier recording added twice");
    EscalationPolicy sameName = EscalationPolicy.builder("platform").level(1, user("x")).build();
    assertThatThrownBy(
            () ->
                Escalator.builder()
                    .policy(policy)
                    .schedule(primary)
                    .tenantPolicy("acme", sameName)
                    .notifier(notifier)
                    .build())
        .hasMessageContaining("two different policies are named platform");
    assertThatThrownBy(() -> Escalator.builder().tenantPolicy("Not A Tenant!", policy))
        .isInstanceOf(IllegalArgumentException.class);
    ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
    try {
      assertThatThrownBy(() -> escalator.schedule(executor, Duration.ofMillis(10)))
          .hasMessageContaining("PT0.01S is out of range; allowed: PT1S to PT1M");
    } finally {
      executor.shutdownNow();
    }
  }
}
