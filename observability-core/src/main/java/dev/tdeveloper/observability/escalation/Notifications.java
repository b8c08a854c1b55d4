package dev.tdeveloper.observability.escalation;

import dev.tdeveloper.observability.Labels;
import dev.tdeveloper.observability.alert.Alert;
import dev.tdeveloper.observability.incident.Incident;
import dev.tdeveloper.observability.notify.Notification;
import dev.tdeveloper.observability.spi.EscalationState;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Makes the notifications an {@link Escalator} sends. Stateless. */
final class Notifications {
  private Notifications() {}

  static Notification trigger(
      EscalationState state,
      EscalationPolicy policy,
      Optional<Incident> incident,
      String receiver,
      Instant now) {
    String position =
        "level "
            + (state.level() + 1)
            + " of "
            + policy.levels().size()
            + (policy.repeats() > 0
                ? ", pass " + (state.round() + 1) + " of " + (policy.repeats() + 1)
                : "");
    return new Notification(
        state.incidentId(),
        Notification.Action.TRIGGER,
        receiver,
        groupLabels(state, incident),
        alerts(incident),
        state.severity(),
        "["
            + state.severity().label().toUpperCase(java.util.Locale.ROOT)
            + "] "
            + state.title()
            + " (escalation "
            + position
            + ")",
        now);
  }

  static Notification of(
      EscalationState state,
      Notification.Action action,
      Optional<Incident> incident,
      String receiver,
      Instant now) {
    String what =
        action == Notification.Action.ACKNOWLEDGE
            ? "[ACKNOWLEDGED by "
                + state.acknowledgement().map(EscalationState.Acknowledgement::by).orElse("?")
                + "] "
            : "[RESOLVED] ";
    return new Notification(
        state.incidentId(),
        action,
        receiver,
        groupLabels(state, incident),
        alerts(incident),
        state.severity(),
        what + state.title(),
        now);
  }

  private static Labels groupLabels(EscalationState state, Optional<Incident> incident) {
    if (incident.isPresent()) {
      return incident.get().correlationKey();
    }
    return state.tenant().map(t -> Labels.of(Alert.TENANT, t)).orElse(Labels.empty());
  }

  private static List<Alert> alerts(Optional<Incident> incident) {
    return incident.map(Incident::alerts).orElse(List.of());
  }
}
