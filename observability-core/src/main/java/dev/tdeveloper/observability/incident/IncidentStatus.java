package dev.tdeveloper.observability.incident;

/** Where an {@link Incident} stands, as in PagerDuty. */
public enum IncidentStatus {
  /** Open and nobody has acknowledged it: escalation runs. */
  TRIGGERED,
  /** Open and somebody is on it: escalation stops. */
  ACKNOWLEDGED,
  /** Every alert resolved (or resolved by hand): closed. */
  RESOLVED
}
