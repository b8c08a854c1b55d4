package dev.tdeveloper.observability.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.observability.Labels;
import dev.tdeveloper.observability.alert.Alert;
import dev.tdeveloper.observability.alert.AlertRouterEvent;
import dev.tdeveloper.observability.alert.Severity;
import dev.tdeveloper.observability.escalation.EscalationPolicy;
import dev.tdeveloper.observability.escalation.EscalationTarget;
import dev.tdeveloper.observability.escalation.Escalator;
import dev.tdeveloper.observability.incident.Incident;
import dev.tdeveloper.observability.incident.IncidentEvent;
import dev.tdeveloper.observability.incident.IncidentStatus;
import dev.tdeveloper.observability.incident.RootCauseHint;
import dev.tdeveloper.observability.metrics.TenantCardinalityGuard;
import dev.tdeveloper.observability.notify.DeliveryEvent;
import dev.tdeveloper.observability.notify.LogNotifier;
import dev.tdeveloper.observability.notify.Notification;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Incidents, alert router notifications, notifier deliveries and escalations. */
class ObservabilityEventsTest {
  private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");
  private final ManualClock clock = new ManualClock(NOW);
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final TdeveloperMetrics metrics =
      TdeveloperMetrics.builder(registry)
          .tenantGuard(TenantCardinalityGuard.builder().topTenants(5).clock(clock).build())
          .build();
  private final Alert alert =
      Alert.firing(
          Labels.of("alertname", "HighErrors", "severity", "critical", "tenant", "acme"),
          Map.of(),
          NOW);

  private Incident incident(IncidentStatus status, Instant updatedAt) {
    return new Incident(
        "inc-1",
        "High errors for acme",
        status,
        Labels.of("tenant", "acme"),
        List.of(alert),
        new RootCauseHint(alert, "earliest alert"),
        NOW,
        updatedAt,
        status == IncidentStatus.TRIGGERED ? Optional.empty() : Optional.of("alice"),
        status == IncidentStatus.RESOLVED ? Optional.of(updatedAt) : Optional.empty());
  }

  private double count(String name, String... tags) {
    return registry.get(name).tags(tags).counter().count();
  }

  @Test
  void incidentsAreCountedPerTenantAndTheirTimesToAcknowledgeAndResolveRecorded() {
    var listener = metrics.incidentListener();
    listener.onEvent(new IncidentEvent.Opened(incident(IncidentStatus.TRIGGERED, NOW)));
    listener.onEvent(new IncidentEvent.AlertAdded(incident(IncidentStatus.TRIGGERED, NOW), alert));
    listener.onEvent(
        new IncidentEvent.Acknowledged(
            incident(IncidentStatus.ACKNOWLEDGED, NOW.plusSeconds(120)), "alice"));
    listener.onEvent(
        new IncidentEvent.Resolved(incident(IncidentStatus.RESOLVED, NOW.plusSeconds(900))));

    assertThat(
            count(
                "tdeveloper.incidents",
                "event",
                "opened",
                "severity",
                "critical",
                "tenant",
                "acme"))
        .isEqualTo(1);
    assertThat(count("tdeveloper.incidents", "event", "resolved")).isEqualTo(1);
    assertThat(count("tdeveloper.incident.alerts", "tenant", "acme")).isEqualTo(1);
    assertThat(
            registry
                .get("tdeveloper.incident.time.to.acknowledge")
                .tag("tenant", "acme")
                .timer()
                .totalTime(TimeUnit.SECONDS))
        .isEqualTo(120);
    assertThat(
            registry.get("tdeveloper.incident.time.to.resolve").timer().totalTime(TimeUnit.SECONDS))
        .isEqualTo(900);
  }

  @Test
  void routerNotificationsAreCountedByReceiverActionAndSeverity() {
    Notification notification =
        new Notification(
            "group-1",
            Notification.Action.TRIGGER,
            "oncall",
            Labels.of("tenant", "acme"),
            List.of(alert),
            Severity.CRITICAL,
            "High errors",
            NOW);
    metrics.alertRouterListener().onEvent(new AlertRouterEvent.Notified(notification));
    assertThat(
            count(
                "tdeveloper.alert.notifications",
                "receiver",
                "oncall",
                "action",
                "trigger",
                "severity",
                "critical",
                "tenant",
                "acme"))
        .isEqualTo(1);
  }

  @Test
  void deliveriesRetriesFailuresAndDropsAreCountedPerNotifier() {
    var listener = metrics.deliveryListener();
    var trigger = Notification.Action.TRIGGER;
    listener.onEvent(new DeliveryEvent.Retried("pagerduty", "k", trigger, 1, Duration.ZERO, "503"));
    listener.onEvent(new DeliveryEvent.Delivered("pagerduty", "k", trigger, 2));
    listener.onEvent(new DeliveryEvent.FailedPermanently("slack", "k", trigger, 5, "404"));
    listener.onEvent(
        new DeliveryEvent.Dropped(
            "slack", "k2", trigger, DeliveryEvent.DropCause.QUEUE_FULL_OLDEST_DROPPED));
    assertThat(
            count("tdeveloper.notify.deliveries", "notifier", "pagerduty", "outcome", "delivered"))
        .isEqualTo(1);
    assertThat(count("tdeveloper.notify.retries", "notifier", "pagerduty")).isEqualTo(1);
    assertThat(count("tdeveloper.notify.deliveries", "notifier", "slack", "outcome", "failed"))
        .isEqualTo(1);
    assertThat(
            count(
                "tdeveloper.notify.dropped",
                "notifier",
                "slack",
                "cause",
                "queue_full_oldest_dropped"))
        .isEqualTo(1);
  }

  @Test
  void escalationsInProgressAreGaugesReadFromTheEscalator() {
    Escalator escalator =
        Escalator.builder()
            .clock(clock)
            .policy(
                EscalationPolicy.builder("platform")
                    .level(10, EscalationTarget.user("alice"))
                    .level(10, EscalationTarget.user("bob"))
                    .build())
            .notifier(LogNotifier.create())
            .build();
    metrics.bind(escalator);
    assertThat(gauge("unacknowledged")).isZero();
    assertThat(registry.get("tdeveloper.escalation.level.max").gauge().value()).isZero();

    escalator.onEvent(new IncidentEvent.Opened(incident(IncidentStatus.TRIGGERED, NOW)));
    assertThat(gauge("unacknowledged")).isEqualTo(1);
    assertThat(registry.get("tdeveloper.escalation.level.max").gauge().value()).isEqualTo(1);
    clock.advance(Duration.ofMinutes(10));
    escalator.tick();
    assertThat(registry.get("tdeveloper.escalation.level.max").gauge().value()).isEqualTo(2);
    escalator.acknowledge("inc-1", "alice");
    assertThat(gauge("unacknowledged")).isZero();
    assertThat(gauge("acknowledged")).isEqualTo(1);
  }

  private double gauge(String state) {
    return registry.get("tdeveloper.escalation.incidents").tag("state", state).gauge().value();
  }
}
