package dev.tdeveloper.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tdeveloper.compliance.privacy.ConsentRecord;
import dev.tdeveloper.compliance.privacy.DataSubject;
import dev.tdeveloper.compliance.privacy.PrivacyOutcome;
import dev.tdeveloper.compliance.privacy.PrivacyRequest;
import dev.tdeveloper.compliance.privacy.PrivacyRequestType;
import dev.tdeveloper.demo.notes.Note;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.spi.TenantRegistry;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * GDPR requests for operators (behind the operator filter, {@code tenants:admin}): {@code POST
 * /admin/privacy/requests} runs a request {@code {"type", "tenant", "subject": {"userId": ...},
 * "corrections": {...}, "purposes": [...]}} and answers its outcome (with the access bundle for
 * ACCESS and PORTABILITY); {@code GET /admin/privacy/requests/{id}} a past one's; {@code POST
 * /admin/privacy/consent} records consent {@code {"tenant", "userId", "purpose", "policyVersion",
 * "evidence", "state": "GRANTED"|"WITHDRAWN"}}, {@code GET /admin/privacy/consent?tenant=&userId=}
 * reads it; {@code GET /admin/privacy/processing-activities} is the Art. 30 record. Every bad input
 * is a 400 (404 for an unknown tenant or request) problem naming the field. Thread-safe.
 */
final class PrivacyServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private static final int MAX_BODY = 64 * 1024;

  private final transient DemoPrivacy privacy;
  private final transient TenantRegistry registry;
  private final transient InstantSource clock;

  PrivacyServlet(DemoPrivacy privacy, TenantRegistry registry, InstantSource clock) {
    this.privacy = privacy;
    this.registry = registry;
    this.clock = clock;
  }

  /** A bad input: the problem to answer, naming the field. */
  static final class BadInput extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int status;
    final String slug;

    BadInput(int status, String detail) {
      this(status, status == 404 ? "not-found" : "invalid-request", detail);
    }

    BadInput(int status, String slug, String detail) {
      super(detail, null, false, false);
      this.status = status;
      this.slug = slug;
    }
  }

  @Override
  protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    String path = req.getPathInfo() == null ? "" : req.getPathInfo();
    try {
      switch (path) {
        case "/requests" -> runRequest(body(req), resp);
        case "/consent" -> recordConsent(body(req), resp);
        default -> Json.problem(resp, "not-found", "Not found", 404, "unknown privacy path");
      }
    } catch (BadInput e) {
      problem(resp, e);
    }
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    String path = req.getPathInfo() == null ? "" : req.getPathInfo();
    try {
      if ("/processing-activities".equals(path)) {
        byte[] json =
            privacy
                .processingActivities()
                .toJson()
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        resp.setStatus(200);
        resp.setContentType("application/json");
        resp.getOutputStream().write(json);
      } else if ("/consent".equals(path)) {
        TenantId tenant = tenant(req.getParameter("tenant"), "tenant");
        String userId = userId(req.getParameter("userId"), "userId");
        ObjectNode out = Json.MAPPER.createObjectNode();
        out.put("tenant", tenant.value());
        out.put(
            "subject", privacy.pseudonyms().pseudonymize(java.util.Optional.of(tenant), userId));
        out.set(
            "history",
            Json.MAPPER.valueToTree(
                privacy.consent().history(tenant, userId).stream()
                    .map(PrivacyServlet::consent)
                    .toList()));
        Json.send(resp, 200, out);
      } else if (path.startsWith("/requests/") && path.length() > "/requests/".length()) {
        String id = path.substring("/requests/".length());
        var outcome = privacy.find(id);
        if (outcome.isEmpty()) {
          throw new BadInput(
              404,
              "no privacy request with this id (the last "
                  + DemoPrivacy.KEPT_REQUESTS
                  + " are kept)");
        }
        Json.send(resp, 200, outcome(outcome.get()));
      } else {
        Json.problem(resp, "not-found", "Not found", 404, "unknown privacy path");
      }
    } catch (BadInput e) {
      problem(resp, e);
    }
  }

  private void runRequest(JsonNode body, HttpServletResponse resp) throws IOException {
    PrivacyRequestType type = type(body.get("type"));
    TenantId tenant = tenant(text(body, "tenant"), "tenant");
    JsonNode subjectNode = body.get("subject");
    if (subjectNode == null || !subjectNode.isObject() || subjectNode.isEmpty()) {
      throw new BadInput(
          400, "field 'subject' must be an object of identifiers, such as {\"userId\": \"alice\"}");
    }
    TreeMap<String, String> identifiers = new TreeMap<>();
    for (Map.Entry<String, JsonNode> e : subjectNode.properties()) {
      if (!e.getValue().isTextual()) {
        throw new BadInput(400, "field 'subject." + safe(e.getKey()) + "' must be a string");
      }
      identifiers.put(e.getKey(), e.getValue().asText());
    }
    if (identifiers.containsKey(NotesPersonalDataConnector.USER_ID)) {
      userId(identifiers.get(NotesPersonalDataConnector.USER_ID), "subject.userId");
    }
    PrivacyRequest request;
    try {
      PrivacyRequest.Builder builder =
          PrivacyRequest.builder(type, new DataSubject(tenant, identifiers), clock.instant());
      JsonNode corrections = body.get("corrections");
      if (corrections != null) {
        if (!corrections.isObject()) {
          throw new BadInput(400, "field 'corrections' must be an object of field to new value");
        }
        corrections.properties().forEach(e -> builder.correct(e.getKey(), e.getValue().asText()));
      }
      JsonNode purposes = body.get("purposes");
      if (purposes != null) {
        if (!purposes.isArray()) {
          throw new BadInput(400, "field 'purposes' must be an array of purposes");
        }
        purposes.forEach(p -> builder.purpose(p.asText()));
      }
      request = builder.build();
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new BadInput(400, "invalid request: " + e.getMessage());
    }
    PrivacyOutcome outcome = privacy.process(request);
    ObjectNode out = outcome(outcome);
    if (outcome.bundle().isPresent()) {
      out.set("bundle", Json.MAPPER.readTree(outcome.bundle().get()));
    }
    Json.send(resp, 200, out);
  }

  private void recordConsent(JsonNode body, HttpServletResponse resp) throws IOException {
    TenantId tenant = tenant(text(body, "tenant"), "tenant");
    String userId = userId(text(body, "userId"), "userId");
    String state = text(body, "state");
    if (!"GRANTED".equals(state) && !"WITHDRAWN".equals(state)) {
      throw new BadInput(400, "field 'state' must be GRANTED or WITHDRAWN");
    }
    try {
      ConsentRecord record =
          "GRANTED".equals(state)
              ? privacy
                  .consent()
                  .grant(
                      tenant,
                      userId,
                      text(body, "purpose"),
                      text(body, "policyVersion"),
                      text(body, "evidence"))
              : privacy
                  .consent()
                  .withdraw(
                      tenant,
                      userId,
                      text(body, "purpose"),
                      text(body, "policyVersion"),
                      text(body, "evidence"));
      Json.send(resp, 201, consent(record));
    } catch (IllegalArgumentException e) {
      throw new BadInput(400, "invalid consent: " + e.getMessage());
    }
  }

  private static Map<String, Object> consent(ConsentRecord r) {
    return Map.of(
        "index", r.index(),
        "tenant", r.tenant().value(),
        "subject", r.subject(),
        "purpose", r.purpose(),
        "policyVersion", r.policyVersion(),
        "state", r.state().name(),
        "at", r.at().toString(),
        "evidence", r.evidence(),
        "hash", r.hash());
  }

  private static ObjectNode outcome(PrivacyOutcome outcome) {
    PrivacyRequest r = outcome.request();
    ObjectNode out = Json.MAPPER.createObjectNode();
    out.put("id", r.id());
    out.put("type", r.type().name());
    out.put("tenant", r.subject().tenant().value());
    out.put("status", r.status().name());
    out.put("receivedAt", r.receivedAt().toString());
    out.put("dueAt", r.dueAt().toString());
    out.set("results", Json.MAPPER.valueToTree(outcome.results()));
    out.set(
        "history",
        Json.MAPPER.valueToTree(
            r.history().stream()
                .map(
                    h ->
                        Map.of(
                            "status",
                            h.status().name(),
                            "at",
                            h.at().toString(),
                            "reason",
                            h.reason()))
                .toList()));
    return out;
  }

  private JsonNode body(HttpServletRequest req) throws IOException {
    byte[] bytes;
    try (InputStream in = req.getInputStream()) {
      bytes = in.readNBytes(MAX_BODY + 1);
    }
    if (bytes.length > MAX_BODY) {
      throw new BadInput(413, "body larger than 64 KiB");
    }
    try {
      JsonNode node = Json.MAPPER.readTree(bytes);
      if (node == null || !node.isObject()) {
        throw new BadInput(400, "body must be a JSON object");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new BadInput(400, "body is not valid JSON");
    }
  }

  private static PrivacyRequestType type(JsonNode node) {
    String allowed = Arrays.toString(PrivacyRequestType.values());
    if (node == null || !node.isTextual()) {
      throw new BadInput(400, "field 'type' is required: one of " + allowed);
    }
    try {
      return PrivacyRequestType.valueOf(node.asText());
    } catch (IllegalArgumentException e) {
      throw new BadInput(400, "field 'type' is '" + safe(node.asText()) + "'; allowed: " + allowed);
    }
  }

  private TenantId tenant(String value, String field) {
    if (value == null) {
      throw new BadInput(400, "field '" + field + "' is required");
    }
    TenantId tenant;
    try {
      tenant = TenantId.of(value);
    } catch (IllegalArgumentException e) {
      throw new BadInput(400, "field '" + field + "' is invalid: " + e.getMessage());
    }
    if (registry.find(tenant).isEmpty()) {
      throw new BadInput(
          404, "unknown-tenant", "field '" + field + "': no tenant '" + tenant.value() + "'");
    }
    return tenant;
  }

  private static String userId(String value, String field) {
    if (!Note.isValidAuthor(value)) {
      throw new BadInput(400, "field '" + field + "' must be " + Note.AUTHOR_RULE);
    }
    return value;
  }

  private static String text(JsonNode body, String field) {
    JsonNode node = body.get(field);
    if (node == null || !node.isTextual()) {
      throw new BadInput(400, "field '" + field + "' is required and must be a string");
    }
    return node.asText();
  }

  private static String safe(String value) {
    String v = value.length() > 40 ? value.substring(0, 40) + "..." : value;
    return v.replaceAll("[^A-Za-z0-9._-]", "?");
  }

  private static void problem(HttpServletResponse resp, BadInput e) throws IOException {
    String title =
        switch (e.slug) {
          case "unknown-tenant" -> "Unknown tenant";
          case "not-found" -> "Not found";
          default -> "Invalid request";
        };
    Json.problem(resp, e.slug, title, e.status, e.getMessage());
  }
}
