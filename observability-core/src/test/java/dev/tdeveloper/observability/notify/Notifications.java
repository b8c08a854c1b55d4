package dev.tdeveloper.observability.notify;

import dev.tdeveloper.observability.Labels;
import dev.tdeveloper.observability.alert.Alert;
import dev.tdeveloper.observability.alert.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Notifications for the notifier tests. */
final class Notifications {
  static final Instant AT = Instant.parse("2025-03-01T12:00:00Z");

  private Notifications() {}

  static Alert burnRate(String tenant) {
    return Alert.firing(
        Labels.of(
            "alertname",
            "SloBurnRate",
            "severity",
            "critical",
            "tenant",
            tenant,
            "service",
            "notes-api"),
        Map.of(
            "summary", "error budget burning 14.4x",
            "runbook_url", "https://runbooks.example.com/slo-burn"),
        AT.minusSeconds(300));
  }

  static Notification trigger(String key) {
    return new Notification(
        key,
        Notification.Action.TRIGGER,
        "oncall",
        Labels.of("alertname", "SloBurnRate", "tenant", "acme"),
        List.of(burnRate("acme")),
        Severity.CRITICAL,
        "[FIRING:1] SloBurnRate tenant=acme",
        AT);
  }

  static Notification of(String key, Notification.Action action) {
    Notification t = trigger(key);
    return new Notification(
        key, action, t.receiver(), t.groupLabels(), t.alerts(), t.severity(), t.summary(), t.at());
  }
}
