package dev.tdeveloper.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tdeveloper.observability.alert.Alert;
import dev.tdeveloper.observability.alert.AlertGroupStatus;
import dev.tdeveloper.observability.alert.AlertRouter;
import dev.tdeveloper.observability.alert.AlertStatus;
import dev.tdeveloper.observability.alert.Matcher;
import dev.tdeveloper.observability.alert.Silence;
import dev.tdeveloper.observability.incident.Incident;
import dev.tdeveloper.observability.incident.IncidentCorrelator;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * Alerts for operators (behind the operator filter): {@code GET /admin/alerts} lists the alerts the
 * router holds (active or suppressed, and by what), its groups, the open and recently resolved
 * incidents and the silences; {@code POST /admin/alerts/silences} with {@code {"matchers":
 * ["tenant=\"acme\""], "minutes": 60, "createdBy": "ops", "comment": "maintenance"}} (optionally
 * {@code "tenant"} to confine it) adds a silence; {@code DELETE /admin/alerts/silences/<id>}
 * expires one; {@code POST /admin/alerts/incidents/<id>/ack} with {@code {"by": "ops"}} and {@code
 * .../resolve} acknowledge and resolve an incident. Bad input is a 400 naming the field.
 */
final class AlertsServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private static final long MAX_SILENCE_MINUTES = Duration.ofDays(30).toMinutes();

  private final transient AlertRouter router;
  private final transient IncidentCorrelator incidents;
  private final transient InstantSource clock;

  AlertsServlet(DemoObservability observability, InstantSource clock) {
    this.router = observability.router;
    this.incidents = observability.incidents;
    this.clock = clock;
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    String path = req.getPathInfo() == null ? "" : req.getPathInfo();
    if (!path.isEmpty() && !"/".equals(path)) {
      Json.problem(resp, "not-found", "Not found", 404, "unknown alerts path " + path);
      return;
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("alerts", router.alerts().stream().map(AlertsServlet::status).toList());
    body.put("groups", router.groups().stream().map(AlertsServlet::group).toList());
    body.put(
        "incidents",
        Map.of(
            "open", incidents.openIncidents().stream().map(AlertsServlet::incident).toList(),
            "resolved",
                incidents.resolvedIncidents().stream().map(AlertsServlet::incident).toList()));
    Instant now = clock.instant();
    body.put("silences", router.silences().stream().map(s -> silence(s, now)).toList());
    Json.send(resp, 200, body);
  }

  @Override
  protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    String path = req.getPathInfo() == null ? "" : req.getPathInfo();
    JsonNode body;
    try {
      body = Json.MAPPER.readTree(req.getInputStream().readNBytes(16 * 1024));
    } catch (JsonProcessingException e) {
      Json.problem(resp, "invalid-request", "Invalid request", 400, "the body is not JSON");
      return;
    }
    if (body == null || !body.isObject()) {
      body = Json.MAPPER.createObjectNode();
    }
    if ("/silences".equals(path)) {
      addSilence(body, resp);
    } else if (path.startsWith("/incidents/") && path.endsWith("/ack")) {
      String id = path.substring("/incidents/".length(), path.length() - "/ack".length());
      String by = body.path("by").asText("");
      if (by.isBlank()) {
        Json.problem(resp, "invalid-request", "Invalid request", 400, "field 'by' is required");
        return;
      }
      answerIncident(resp, id, incidents.acknowledge(id, by));
    } else if (path.startsWith("/incidents/") && path.endsWith("/resolve")) {
      String id = path.substring("/incidents/".length(), path.length() - "/resolve".length());
      answerIncident(resp, id, incidents.resolve(id));
    } else {
      Json.problem(resp, "not-found", "Not found", 404, "unknown alerts path " + path);
    }
  }

  @Override
  protected void doDelete(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    String path = req.getPathInfo() == null ? "" : req.getPathInfo();
    if (!path.startsWith("/silences/")) {
      Json.problem(resp, "not-found", "Not found", 404, "unknown alerts path " + path);
      return;
    }
    String id = path.substring("/silences/".length());
    try {
      Silence expired = router.expireSilence(id);
      Json.send(resp, 200, silence(expired, clock.instant()));
    } catch (NoSuchElementException e) {
      Json.problem(resp, "not-found", "Not found", 404, "no silence with id '" + id + "'");
    } catch (IllegalStateException e) {
      Json.problem(resp, "conflict", "Conflict", 409, e.getMessage());
    }
  }

  private void addSilence(JsonNode body, HttpServletResponse resp) throws IOException {
    JsonNode matcherNodes = body.path("matchers");
    if (!matcherNodes.isArray() || matcherNodes.isEmpty()) {
      Json.problem(
          resp,
          "invalid-request",
          "Invalid request",
          400,
          "field 'matchers' must be a non-empty list such as [\"tenant=\\\"acme\\\"\"], was "
              + (body.has("matchers") ? body.get("matchers") : "missing"));
      return;
    }
    long minutes = body.path("minutes").asLong(-1);
    if (!body.path("minutes").isIntegralNumber() || minutes < 1 || minutes > MAX_SILENCE_MINUTES) {
      Json.problem(
          resp,
          "invalid-request",
          "Invalid request",
          400,
          "field 'minutes' must be a whole number from 1 to "
              + MAX_SILENCE_MINUTES
              + ", was "
              + (body.has("minutes") ? body.get("minutes") : "missing"));
      return;
    }
    try {
      List<Matcher> matchers = new ArrayList<>();
      for (JsonNode m : matcherNodes) {
        matchers.add(Matcher.parse(m.asText()));
      }
      Instant now = clock.instant();
      Optional<String> tenant =
          body.hasNonNull("tenant") ? Optional.of(body.get("tenant").asText()) : Optional.empty();
      Silence silence =
          router.addSilence(
              matchers,
              now,
              now.plus(Duration.ofMinutes(minutes)),
              body.path("createdBy").asText("admin"),
              body.path("comment").asText("added through /admin/alerts"),
              tenant);
      Json.send(resp, 201, silence(silence, now));
    } catch (IllegalArgumentException e) {
      Json.problem(resp, "invalid-request", "Invalid request", 400, e.getMessage());
    }
  }

  private static void answerIncident(
      HttpServletResponse resp, String id, Optional<Incident> incident) throws IOException {
    if (incident.isEmpty()) {
      Json.problem(resp, "not-found", "Not found", 404, "no incident with id '" + id + "'");
    } else {
      Json.send(resp, 200, incident(incident.get()));
    }
  }

  static Map<String, Object> alert(Alert alert) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("fingerprint", alert.labels().fingerprintHex());
    row.put("labels", alert.labels().asMap());
    row.put("annotations", alert.annotations());
    row.put("severity", alert.severity().label());
    row.put("startsAt", alert.startsAt().toString());
    alert.endsAt().ifPresent(end -> row.put("endsAt", end.toString()));
    return row;
  }

  private static Map<String, Object> status(AlertStatus status) {
    Map<String, Object> row = alert(status.alert());
    row.put("state", status.state().name().toLowerCase(java.util.Locale.ROOT));
    row.put("silencedBy", status.silencedBy());
    row.put("inhibitedBy", status.inhibitedBy());
    row.put("receivers", status.receivers());
    return row;
  }

  private static Map<String, Object> group(AlertGroupStatus group) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("key", group.key());
    row.put("receiver", group.receiver());
    row.put("groupLabels", group.groupLabels().asMap());
    row.put("alerts", group.alerts().size());
    row.put("nextFlush", group.nextFlush().toString());
    return row;
  }

  static Map<String, Object> incident(Incident incident) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("id", incident.id());
    row.put("title", incident.title());
    row.put("status", incident.status().name().toLowerCase(java.util.Locale.ROOT));
    row.put("severity", incident.severity().label());
    incident.tenant().ifPresent(t -> row.put("tenant", t));
    row.put("correlationKey", incident.correlationKey().asMap());
    row.put("alerts", incident.alerts().stream().map(AlertsServlet::alert).toList());
    row.put("rootCause", incident.rootCause().explanation());
    row.put("openedAt", incident.openedAt().toString());
    incident.acknowledgedBy().ifPresent(by -> row.put("acknowledgedBy", by));
    incident.resolvedAt().ifPresent(at -> row.put("resolvedAt", at.toString()));
    return row;
  }

  private static Map<String, Object> silence(Silence silence, Instant now) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("id", silence.id());
    row.put("matchers", silence.matchers().stream().map(Matcher::toString).toList());
    row.put("startsAt", silence.startsAt().toString());
    row.put("endsAt", silence.endsAt().toString());
    row.put("createdBy", silence.createdBy());
    row.put("comment", silence.comment());
    silence.tenant().ifPresent(t -> row.put("tenant", t));
    row.put("state", silence.stateAt(now).name().toLowerCase(java.util.Locale.ROOT));
    return row;
  }
}
