package dev.tdeveloper.observability.alert;

import dev.tdeveloper.observability.Labels;
import dev.tdeveloper.observability.notify.Notification;
import java.time.Instant;
import java.util.List;

/** Builds a group's {@link Notification}, with Alertmanager's default title. Stateless. */
final class Notifications {
  private Notifications() {}

  /**
   * Returns the notification of a group: TRIGGER while any alert fires, RESOLVE once all are
   * resolved; the summary is {@code [FIRING:n] <alertname> <label=value>...} or {@code [RESOLVED]
   * ...}.
   */
  static Notification of(
      String key, String receiver, Labels groupLabels, List<Alert> alerts, int firing, Instant at) {
    Severity severity = Severity.INFO;
    for (Alert a : alerts) {
      if (a.severity().ordinal() < severity.ordinal()) {
        severity = a.severity();
      }
    }
    Notification.Action action =
        firing > 0 ? Notification.Action.TRIGGER : Notification.Action.RESOLVE;
    String status = firing > 0 ? "[FIRING:" + firing + "]" : "[RESOLVED]";
    return new Notification(
        key,
        action,
        receiver,
        groupLabels,
        alerts,
        severity,
        status + " " + title(groupLabels, alerts),
        at);
  }

  private static String title(Labels groupLabels, List<Alert> alerts) {
    StringBuilder out = new StringBuilder();
    String name =
        groupLabels
            .get(Alert.ALERTNAME)
            .orElse(
                alerts.stream().map(Alert::name).distinct().count() == 1
                    ? alerts.get(0).name()
                    : "alerts");
    out.append(name);
    groupLabels
        .asMap()
        .forEach(
            (label, value) -> {
              if (!label.equals(Alert.ALERTNAME)) {
                out.append(' ').append(label).append('=').append(value);
              }
            });
    return out.toString();
  }
}
