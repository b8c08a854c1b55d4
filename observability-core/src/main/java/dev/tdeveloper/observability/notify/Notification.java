package dev.tdeveloper.observability.notify;

import dev.tdeveloper.observability.Labels;
import dev.tdeveloper.observability.alert.Alert;
import dev.tdeveloper.observability.alert.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link Notifier} delivers: a trigger, acknowledgement or resolution of one notified thing
 * (an alert group from the {@code AlertRouter}, or an incident from escalation), with the alerts in
 * it.
 *
 * @param key stable identity of what is notified (the group key or incident id); repeated
 *     notifications of the same thing carry the same key, and PagerDuty uses it as {@code
 *     dedup_key}
 * @param action trigger, acknowledge or resolve
 * @param receiver the receiver (route) or escalation target this is addressed to
 * @param groupLabels the labels every alert in the notification shares (the group's labels)
 * @param alerts the alerts, firing first; may be empty for acknowledge/resolve of an incident
 * @param severity the highest severity among the alerts (or of the incident)
 * @param summary one line for a human, such as {@code "[FIRING:2] SloBurnRate tenant=acme"}
 * @param at when the notification was produced
 */
public record Notification(
    String key,
    Action action,
    String receiver,
    Labels groupLabels,
    List<Alert> alerts,
    Severity severity,
    String summary,
    Instant at) {

  /** What the notification asks of the receiving system. */
  public enum Action {
    /** Open (or re-notify) the problem. */
    TRIGGER,
    /** Someone is on it: stop escalating. */
    ACKNOWLEDGE,
    /** The problem is gone. */
    RESOLVE
  }

  /**
   * Validates the notification.
   *
   * @throws IllegalArgumentException if {@code key}, {@code receiver} or {@code summary} is blank
   */
  public Notification {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(receiver, "receiver");
    Objects.requireNonNull(groupLabels, "groupLabels");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(at, "at");
    if (key.isBlank()) {
      throw new IllegalArgumentException("notification: key is blank");
    }
    if (receiver.isBlank()) {
      throw new IllegalArgumentException("notification " + key + ": receiver is blank");
    }
    if (summary.isBlank()) {
      throw new IllegalArgumentException("notification " + key + ": summary is blank");
    }
    alerts = List.copyOf(alerts);
  }
}
