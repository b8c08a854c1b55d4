package dev.tdeveloper.observability.incident;

import dev.tdeveloper.observability.alert.Alert;
import java.util.Objects;

/**
 * What an {@link IncidentCorrelator} tells its listeners; each event carries the incident's
 * snapshot after the change. Immutable and thread-safe.
 */
public sealed interface IncidentEvent {
  /** Returns the incident after the change. */
  Incident incident();

  /**
   * A new incident opened with its first alert.
   *
   * @param incident the new incident
   */
  record Opened(Incident incident) implements IncidentEvent {
    /** Validates the event. */
    public Opened {
      Objects.requireNonNull(incident, "incident");
    }
  }

  /**
   * An alert joined an open incident.
   *
   * @param incident the incident with the alert
   * @param alert the alert that joined
   */
  record AlertAdded(Incident incident, Alert alert) implements IncidentEvent {
    /** Validates the event. */
    public AlertAdded {
      Objects.requireNonNull(incident, "incident");
      Objects.requireNonNull(alert, "alert");
    }
  }

  /**
   * Somebody acknowledged the incident.
   *
   * @param incident the acknowledged incident
   * @param by who acknowledged
   */
  record Acknowledged(Incident incident, String by) implements IncidentEvent {
    /** Validates the event. */
    public Acknowledged {
      Objects.requireNonNull(incident, "incident");
      Objects.requireNonNull(by, "by");
    }
  }

  /**
   * The incident resolved: all its alerts resolved, or somebody resolved it by hand.
   *
   * @param incident the resolved incident
   */
  record Resolved(Incident incident) implements IncidentEvent {
    /** Validates the event. */
    public Resolved {
      Objects.requireNonNull(incident, "incident");
    }
  }
}
