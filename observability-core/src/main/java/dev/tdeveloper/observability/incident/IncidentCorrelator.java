package dev.tdeveloper.observability.incident;

import dev.tdeveloper.observability.Labels;
import dev.tdeveloper.observability.alert.Alert;
import dev.tdeveloper.tenancy.internal.Listeners;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Groups alerts into {@link Incident}s, so a cascade pages once: an alert about a tenant (label
 * {@code tenant}) joins that tenant's open incident; an alert about no tenant joins the open
 * incident of the first correlation label it carries (default {@code dependency}); any other alert
 * is an incident of its own. It joins only if that incident was active within the window (default 5
 * minutes) before: it gained an alert or one of its alerts was re-sent firing (sources re-send
 * firing alerts periodically, so an incident whose alerts still fire keeps taking related ones);
 * otherwise a new incident opens. Alerts of different tenants never share an incident. An incident
 * resolves when all its alerts have resolved; acknowledging it stops its escalation. Each incident
 * carries a {@link RootCauseHint} from the {@link DependencyGraph}.
 *
 * <p>Memory is bounded per tenant (open incidents, alerts per incident, resolved incidents kept up
 * to a count and an age), so one tenant's alert storm cannot push out another's incidents. State is
 * in memory. Thread-safe; listeners are called in order, under the correlator's lock, on the
 * calling thread, so they must be quick.
 */
public final class IncidentCorrelator {
  private static final Logger LOG = LoggerFactory.getLogger(IncidentCorrelator.class);

  private final IncidentCorrelatorConfig config;
  private final InstantSource clock;
  private final Listeners<IncidentEvent> listeners;
  private final IncidentIds ids = new IncidentIds();
  private final Map<String, OpenIncident> open = new LinkedHashMap<>();
  private final Map<Labels, List<OpenIncident>> openByKey = new HashMap<>();
  private final Map<String, ArrayDeque<Incident>> resolvedByScope = new HashMap<>();

  IncidentCorrelator(
      IncidentCorrelatorConfig config, InstantSource clock, Listeners<IncidentEvent> listeners) {
    this.config = config;
    this.clock = clock;
    this.listeners = listeners;
  }

  /** Returns a builder. */
  public static IncidentCorrelatorBuilder builder() {
    return new IncidentCorrelatorBuilder();
  }

  /** Returns the settings this correlator was built with. */
  public IncidentCorrelatorConfig config() {
    return config;
  }

  /**
   * Takes one alert, firing or resolved. A firing alert joins (or updates) the open incident of its
   * correlation key within the window, or opens one; a resolved alert updates the open incident
   * holding it and resolves the incident when no alert of it fires any more.
   *
   * @param alert the alert
   * @return the incident after the change; empty for a resolved alert no open incident holds, or an
   *     alert refused because its tenant reached a memory limit (logged)
   */
  public synchronized Optional<Incident> ingest(Alert alert) {
    Objects.requireNonNull(alert, "alert");
    Instant now = clock.instant();
    expire(now);
    Labels key = keyOf(alert);
    List<OpenIncident> sameKey = openByKey.getOrDefault(key, List.of());
    for (OpenIncident incident : sameKey) {
      if (incident.alerts.containsKey(alert.fingerprint())) {
        return Optional.of(update(incident, alert, now));
      }
    }
    if (alert.isResolvedAt(now)) {
      return Optional.empty();
    }
    for (OpenIncident incident : sameKey) {
      if (!now.isAfter(incident.lastJoinAt.plus(config.window()))) {
        if (incident.alerts.size() >= config.maxAlertsPerIncident()) {
          LOG.warn(
              "incident {} holds {} alerts, the limit; {} is not added",
              incident.id,
              incident.alerts.size(),
              alert.labels());
          return Optional.empty();
        }
        incident.put(alert, now, config.dependencyGraph());
        incident.lastJoinAt = now;
        Incident snapshot = incident.snapshot(config.dependencyGraph());
        listeners.publish(new IncidentEvent.AlertAdded(snapshot, alert));
        return Optional.of(snapshot);
      }
    }
    return open(alert, key, now);
  }

  private Optional<Incident> open(Alert alert, Labels key, Instant now) {
    String scope = alert.tenant().orElse("");
    long openInScope = open.values().stream().filter(i -> i.scope.equals(scope)).count();
    if (openInScope >= config.maxOpenIncidentsPerTenant()) {
      LOG.warn(
          "{} open incidents for tenant '{}', the limit; {} opens none",
          openInScope,
          scope,
          alert.labels());
      return Optional.empty();
    }
    OpenIncident incident = new OpenIncident(ids.next(now), key, scope, alert, now);
    open.put(incident.id, incident);
    openByKey.computeIfAbsent(key, k -> new ArrayList<>()).add(incident);
    Incident snapshot = incident.snapshot(config.dependencyGraph());
    listeners.publish(new IncidentEvent.Opened(snapshot));
    return Optional.of(snapshot);
  }

  private Incident update(OpenIncident incident, Alert alert, Instant now) {
    incident.put(alert, now, config.dependencyGraph());
    if (!alert.isResolvedAt(now)) {
      incident.lastJoinAt = now; // still firing: the incident is active
    }
    if (incident.allResolvedAt(now)) {
      return close(incident, now);
    }
    return incident.snapshot(config.dependencyGraph());
  }

  /**
   * Acknowledges an open incident: escalation stops, the incident stays open until resolved.
   * Acknowledging an acknowledged incident changes nothing.
   *
   * @param incidentId the incident
   * @param by who acknowledges, not blank
   * @return the incident, empty if no open incident has this id
   * @throws IllegalArgumentException if {@code by} is blank
   */
  public synchronized Optional<Incident> acknowledge(String incidentId, String by) {
    Objects.requireNonNull(incidentId, "incidentId");
    Objects.requireNonNull(by, "by");
    if (by.isBlank()) {
      throw new IllegalArgumentException("acknowledge " + incidentId + ": 'by' is blank");
    }
    OpenIncident incident = open.get(incidentId);
    if (incident == null) {
      return Optional.empty();
    }
    if (incident.status == IncidentStatus.ACKNOWLEDGED) {
      return Optional.of(incident.snapshot(config.dependencyGraph()));
    }
    incident.status = IncidentStatus.ACKNOWLEDGED;
    incident.acknowledgedBy = Optional.of(by);
    incident.updatedAt = clock.instant();
    Incident snapshot = incident.snapshot(config.dependencyGraph());
    listeners.publish(new IncidentEvent.Acknowledged(snapshot, by));
    return Optional.of(snapshot);
  }

  /**
   * Resolves an open incident by hand, even with alerts still firing; an alert arriving later opens
   * a new incident.
   *
   * @param incidentId the incident
   * @return the resolved incident, empty if no open incident has this id
   */
  public synchronized Optional<Incident> resolve(String incidentId) {
    Objects.requireNonNull(incidentId, "incidentId");
    OpenIncident incident = open.get(incidentId);
    return incident == null ? Optional.empty() : Optional.of(close(incident, clock.instant()));
  }

  private Incident close(OpenIncident incident, Instant now) {
    incident.status = IncidentStatus.RESOLVED;
    incident.resolvedAt = Optional.of(now);
    incident.updatedAt = now;
    open.remove(incident.id);
    List<OpenIncident> sameKey = openByKey.get(incident.key);
    sameKey.remove(incident);
    if (sameKey.isEmpty()) {
      openByKey.remove(incident.key);
    }
    Incident snapshot = incident.snapshot(config.dependencyGraph());
    ArrayDeque<Incident> kept =
        resolvedByScope.computeIfAbsent(incident.scope, s -> new ArrayDeque<>());
    kept.addLast(snapshot);
    while (kept.size() > config.maxResolvedPerTenant()) {
      kept.removeFirst();
    }
    listeners.publish(new IncidentEvent.Resolved(snapshot));
    return snapshot;
  }

  /** Returns the incident with this id, open or still kept after resolution. */
  public synchronized Optional<Incident> get(String incidentId) {
    Objects.requireNonNull(incidentId, "incidentId");
    OpenIncident incident = open.get(incidentId);
    if (incident != null) {
      return Optional.of(incident.snapshot(config.dependencyGraph()));
    }
    return resolvedByScope.values().stream()
        .flatMap(ArrayDeque::stream)
        .filter(i -> i.id().equals(incidentId))
        .findFirst();
  }

  /** Returns the open incidents, oldest first. */
  public synchronized List<Incident> openIncidents() {
    return open.values().stream().map(i -> i.snapshot(config.dependencyGraph())).toList();
  }

  /** Returns the resolved incidents still kept, oldest resolution first within each tenant. */
  public synchronized List<Incident> resolvedIncidents() {
    expire(clock.instant());
    return resolvedByScope.values().stream().flatMap(ArrayDeque::stream).toList();
  }

  private void expire(Instant now) {
    Instant cutoff = now.minus(config.resolvedRetention());
    resolvedByScope
        .values()
        .forEach(
            kept -> {
              while (!kept.isEmpty()
                  && kept.peekFirst().resolvedAt().orElseThrow().isBefore(cutoff)) {
                kept.removeFirst();
              }
            });
    resolvedByScope.values().removeIf(ArrayDeque::isEmpty);
  }

  /** Returns the labels that correlate {@code alert} with others. */
  Labels keyOf(Alert alert) {
    Optional<String> tenant = alert.tenant();
    if (tenant.isPresent()) {
      return Labels.of(Alert.TENANT, tenant.get());
    }
    for (String label : config.correlationLabels()) {
      Optional<String> value = alert.labels().get(label);
      if (value.isPresent()) {
        return Labels.of(label, value.get());
      }
    }
    return alert.labels();
  }

  @Override
  public String toString() {
    return "IncidentCorrelator[" + config + "]";
  }
}
