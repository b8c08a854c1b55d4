package dev.tdeveloper.observability.micrometer;

import dev.tdeveloper.observability.alert.Alert;
import dev.tdeveloper.observability.alert.AlertRouterEvent;
import dev.tdeveloper.observability.escalation.Escalator;
import dev.tdeveloper.observability.incident.Incident;
import dev.tdeveloper.observability.incident.IncidentEvent;
import dev.tdeveloper.observability.notify.DeliveryEvent;
import dev.tdeveloper.observability.notify.Notification;
import dev.tdeveloper.observability.spi.EscalationState;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.event.EventListener;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Meters for observability-core's own events: incidents, alert router notifications and silences,
 * notifier deliveries, and the escalations in progress.
 */
final class ObservabilityBinder {
  private static final String[] DELIVERIES = {
    "tdeveloper.notify.deliveries", "Notifications delivered, or failed after the last attempt"
  };
  private static final String[] RETRIES = {
    "tdeveloper.notify.retries", "Notification attempts that failed and will be retried"
  };
  private static final String[] DROPPED = {
    "tdeveloper.notify.dropped", "Notifications dropped before delivery"
  };

  private final TenantMeters meters;

  ObservabilityBinder(TenantMeters meters) {
    this.meters = meters;
  }

  EventListener<IncidentEvent> incidents() {
    return meters.safe(
        "incident",
        event -> {
          Incident incident = event.incident();
          Optional<TenantId> tenant = tenant(incident.tenant());
          String severity = incident.severity().label();
          if (event instanceof IncidentEvent.AlertAdded e) {
            meters
                .counter(
                    "tdeveloper.incident.alerts",
                    "Alerts correlated into incidents",
                    tenant,
                    "severity",
                    e.alert().severity().label())
                .increment();
            return;
          }
          String what;
          if (event instanceof IncidentEvent.Opened) {
            what = "opened";
          } else if (event instanceof IncidentEvent.Acknowledged) {
            what = "acknowledged";
            timer(
                    "tdeveloper.incident.time.to.acknowledge",
                    "Time from opening to acknowledgement",
                    tenant,
                    severity)
                .record(Duration.between(incident.openedAt(), incident.updatedAt()));
          } else {
            what = "resolved";
            incident
                .resolvedAt()
                .ifPresent(
                    at ->
                        timer(
                                "tdeveloper.incident.time.to.resolve",
                                "Time from opening to resolution",
                                tenant,
                                severity)
                            .record(Duration.between(incident.openedAt(), at)));
          }
          meters
              .counter(
                  "tdeveloper.incidents",
                  "Incidents opened, acknowledged and resolved",
                  tenant,
                  "event",
                  what,
                  "severity",
                  severity)
              .increment();
        });
  }

  EventListener<AlertRouterEvent> alertRouter() {
    return meters.safe(
        "alert router",
        event -> {
          if (event instanceof AlertRouterEvent.Notified e) {
            Notification n = e.notification();
            meters
                .counter(
                    "tdeveloper.alert.notifications",
                    "Notifications sent by the alert router",
                    tenant(n.groupLabels().get(Alert.TENANT)),
                    "receiver",
                    n.receiver(),
                    "action",
                    lower(n.action()),
                    "severity",
                    n.severity().label())
                .increment();
          } else {
            String what = event instanceof AlertRouterEvent.SilenceAdded ? "added" : "expired";
            meters
                .counter(
                    "tdeveloper.alert.silences",
                    "Silences added and expired",
                    Optional.empty(),
                    "event",
                    what)
                .increment();
          }
        });
  }

  EventListener<DeliveryEvent> deliveries() {
    return meters.safe(
        "notifier delivery",
        event -> {
          String notifier = event.notifier();
          String action = lower(event.action());
          if (event instanceof DeliveryEvent.Delivered) {
            delivery(DELIVERIES, notifier, action, "outcome", "delivered");
          } else if (event instanceof DeliveryEvent.FailedPermanently) {
            delivery(DELIVERIES, notifier, action, "outcome", "failed");
          } else if (event instanceof DeliveryEvent.Retried) {
            delivery(RETRIES, notifier, action);
          } else if (event instanceof DeliveryEvent.Dropped e) {
            delivery(DROPPED, notifier, action, "cause", lower(e.cause()));
          }
        });
  }

  void bind(Escalator escalator) {
    meters.<Escalator>safe("escalation", this::register).onEvent(escalator);
  }

  private void register(Escalator escalator) {
    for (boolean acknowledged : new boolean[] {false, true}) {
      Gauge.builder(
              "tdeveloper.escalation.incidents",
              escalator,
              x -> x.states().stream().filter(s -> s.isAcknowledged() == acknowledged).count())
          .description("Incidents being escalated, by whether somebody acknowledged them")
          .tags("state", acknowledged ? "acknowledged" : "unacknowledged")
          .tag(TdeveloperMetrics.TENANT_TAG, TdeveloperMetrics.NO_TENANT)
          .register(meters.registry);
    }
    Gauge.builder(
            "tdeveloper.escalation.level.max",
            escalator,
            x ->
                x.states().stream()
                    .mapToInt(EscalationState::level)
                    .map(l -> l + 1)
                    .max()
                    .orElse(0))
        .description("Highest level notified among incidents being escalated (1 = first; 0: none)")
        .tag(TdeveloperMetrics.TENANT_TAG, TdeveloperMetrics.NO_TENANT)
        .register(meters.registry);
  }

  private void delivery(String[] meter, String notifier, String action, String... more) {
    String[] tags = new String[4 + more.length];
    tags[0] = "notifier";
    tags[1] = notifier;
    tags[2] = "action";
    tags[3] = action;
    System.arraycopy(more, 0, tags, 4, more.length);
    meters.counter(meter[0], meter[1], Optional.empty(), tags).increment();
  }

  private Timer timer(String name, String description, Optional<TenantId> tenant, String sev) {
    return meters.meter(
        tenant,
        tag ->
            Timer.builder(name)
                .description(description)
                .tags("severity", sev)
                .tag(TdeveloperMetrics.TENANT_TAG, tag)
                .register(meters.registry));
  }

  private static Optional<TenantId> tenant(Optional<String> value) {
    return value.filter(TenantId::isValid).map(TenantId::of);
  }

  private static String lower(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }
}
