package dev.tdeveloper.observability.incident;

import dev.tdeveloper.observability.Labels;
import dev.tdeveloper.observability.alert.Alert;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The mutable state of one open incident inside an {@link IncidentCorrelator}, guarded by the
 * correlator's lock; {@link #snapshot()} makes the immutable {@link Incident}. Not thread-safe.
 */
final class OpenIncident {
  final String id;
  final String title;
  final Labels key;
  final String scope;
  final Instant openedAt;
  final Map<Long, Alert> alerts = new LinkedHashMap<>();
  Instant updatedAt;
  Instant lastJoinAt;
  IncidentStatus status = IncidentStatus.TRIGGERED;
  Optional<String> acknowledgedBy = Optional.empty();
  Optional<Instant> resolvedAt = Optional.empty();
  private RootCauseHint rootCause;

  OpenIncident(String id, Labels key, String scope, Alert first, Instant now) {
    this.id = id;
    this.key = key;
    this.scope = scope;
    this.openedAt = now;
    this.updatedAt = now;
    this.lastJoinAt = now;
    this.title = titleOf(first, key);
    alerts.put(first.fingerprint(), first);
  }

  private static String titleOf(Alert first, Labels key) {
    StringBuilder keyText = new StringBuilder();
    key.asMap()
        .forEach(
            (name, value) ->
                keyText
                    .append(keyText.length() == 0 ? "" : ", ")
                    .append(name)
                    .append('=')
                    .append(value));
    String summary = first.annotations().getOrDefault("summary", "");
    return first.name() + (summary.isBlank() ? "" : ": " + summary) + " [" + keyText + "]";
  }

  /** Puts an alert (new or a new state of a known one) and recomputes the root-cause hint. */
  void put(Alert alert, Instant now, DependencyGraph graph) {
    alerts.put(alert.fingerprint(), alert);
    updatedAt = now;
    rootCause = null;
    rootCause(graph);
  }

  boolean allResolvedAt(Instant now) {
    return alerts.values().stream().allMatch(a -> a.isResolvedAt(now));
  }

  RootCauseHint rootCause(DependencyGraph graph) {
    if (rootCause == null) {
      rootCause = RootCauses.pick(alerts.values(), graph);
    }
    return rootCause;
  }

  Incident snapshot(DependencyGraph graph) {
    return new Incident(
        id,
        title,
        status,
        key,
        alerts.values().stream().toList(),
        rootCause(graph),
        openedAt,
        updatedAt,
        acknowledgedBy,
        resolvedAt);
  }
}
