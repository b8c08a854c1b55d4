package dev.tdeveloper.observability.alert;

import java.util.List;
import java.util.Objects;

/**
 * One alert as the router holds it, for an admin view such as {@code /admin/alerts}: the alert
 * (with its end once resolved) and whether it is notified or suppressed, and by what. Immutable.
 *
 * @param alert the alert
 * @param state active (notified) or suppressed
 * @param silencedBy ids of the active silences that mute it
 * @param inhibitedBy fingerprints (16 hex digits) of the firing alerts that inhibit it
 * @param receivers the receivers of the routes it was routed to
 */
public record AlertStatus(
    Alert alert,
    State state,
    List<String> silencedBy,
    List<String> inhibitedBy,
    List<String> receivers) {

  /** Whether the alert is notified. */
  public enum State {
    /** Notified to its receivers. */
    ACTIVE,
    /** Silenced or inhibited: held, not notified. */
    SUPPRESSED
  }

  /** Validates and copies the lists. */
  public AlertStatus {
    Objects.requireNonNull(alert, "alert");
    Objects.requireNonNull(state, "state");
    silencedBy = List.copyOf(silencedBy);
    inhibitedBy = List.copyOf(inhibitedBy);
    receivers = List.copyOf(receivers);
  }
}
