package dev.tdeveloper.observability.incident;

import dev.tdeveloper.observability.Labels;
import dev.tdeveloper.observability.alert.Alert;
import dev.tdeveloper.observability.alert.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A problem people respond to: the correlated alerts of one tenant or one dependency, as an {@link
 * IncidentCorrelator} sees them at one moment. Immutable and thread-safe; the correlator publishes
 * a new snapshot on every change.
 *
 * @param id stable, unique identity (ULID text: sortable by opening time); notifiers use it as
 *     PagerDuty's {@code dedup_key}
 * @param title one line for a human, fixed when the incident opens
 * @param status triggered, acknowledged or resolved
 * @param correlationKey the labels that correlated the alerts, such as {@code {tenant="acme"}}
 * @param alerts the alerts, in the order they joined, each in its latest state
 * @param rootCause the suspected cause among the alerts
 * @param openedAt when the incident opened
 * @param updatedAt when it last changed
 * @param acknowledgedBy who acknowledged it, if somebody did
 * @param resolvedAt when it resolved; empty while open
 */
public record Incident(
    String id,
    String title,
    IncidentStatus status,
    Labels correlationKey,
    List<Alert> alerts,
    RootCauseHint rootCause,
    Instant openedAt,
    Instant updatedAt,
    Optional<String> acknowledgedBy,
    Optional<Instant> resolvedAt) {

  /**
   * Validates the snapshot.
   *
   * @throws IllegalArgumentException if there are no alerts or the resolution time does not match
   *     the status
   */
  public Incident {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(correlationKey, "correlationKey");
    Objects.requireNonNull(rootCause, "rootCause");
    Objects.requireNonNull(openedAt, "openedAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    Objects.requireNonNull(acknowledgedBy, "acknowledgedBy");
    Objects.requireNonNull(resolvedAt, "resolvedAt");
    alerts = List.copyOf(alerts);
    if (alerts.isEmpty()) {
      throw new IllegalArgumentException("incident " + id + " has no alerts");
    }
    if ((status == IncidentStatus.RESOLVED) != resolvedAt.isPresent()) {
      throw new IllegalArgumentException(
          "incident " + id + ": status " + status + " does not match resolvedAt " + resolvedAt);
    }
  }

  /** Returns the tenant the incident is about, if it is about one. */
  public Optional<String> tenant() {
    return correlationKey.get(Alert.TENANT);
  }

  /** Returns the highest severity among the alerts. */
  public Severity severity() {
    Severity highest = alerts.get(0).severity();
    for (Alert alert : alerts) {
      if (alert.severity().compareTo(highest) < 0) {
        highest = alert.severity();
      }
    }
    return highest;
  }

  /** Returns whether the incident is still open (triggered or acknowledged). */
  public boolean isOpen() {
    return status != IncidentStatus.RESOLVED;
  }

  /** Returns how many of its alerts are firing at {@code now}. */
  public long firingAt(Instant now) {
    return alerts.stream().filter(a -> !a.isResolvedAt(now)).count();
  }
}
