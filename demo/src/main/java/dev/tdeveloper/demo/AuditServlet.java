package dev.tdeveloper.demo;

import dev.tdeveloper.compliance.audit.AuditEntry;
import dev.tdeveloper.compliance.audit.AuditEvent;
import dev.tdeveloper.compliance.audit.AuditEventCodec;
import dev.tdeveloper.compliance.audit.AuditOutcome;
import dev.tdeveloper.compliance.audit.AuditQuery;
import dev.tdeveloper.compliance.audit.integrity.Checkpoint;
import dev.tdeveloper.compliance.audit.integrity.ConsistencyProof;
import dev.tdeveloper.compliance.audit.log.AuditLog;
import dev.tdeveloper.compliance.audit.log.AuditLogVerification;
import dev.tdeveloper.compliance.audit.log.EntryProof;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.web.problem.ProblemDetails;
import dev.tdeveloper.web.problem.ProblemWriter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The audit log for operators, under {@code /admin/audit} (the operator filter requires {@code
 * tenants:admin}: the entries name every tenant's callers, so reading them is an administrator's
 * act, not part of the {@code ops:read} view, which shows only the log's figures).
 *
 * <ul>
 *   <li>{@code GET verify}: {@code {ok, entriesChecked, problem?, anchor?}}.
 *   <li>{@code POST checkpoint} signs, stores and anchors a checkpoint; {@code GET checkpoint}
 *       returns the latest; both as the signed note in {@code text/plain}.
 *   <li>{@code GET proof?sequence=N}: the entry's canonical event, leaf hash and inclusion proof
 *       against a signed checkpoint, with the verifier key.
 *   <li>{@code GET consistency?from=M&to=N}: the consistency proof between two tree sizes ({@code
 *       to} defaults to the latest checkpoint's size).
 *   <li>{@code GET export?tenant=T&from=&to=}: the tenant's entries in {@code [from, to)} (ISO-8601
 *       instants, default the last 24 hours) as JSON lines with their proofs.
 *   <li>{@code GET entries?tenant=&actor=&action=&outcome=&after=&limit=}: a search; without {@code
 *       tenant}, the platform's entries (those of no tenant).
 * </ul>
 *
 * Bad parameters get a 400 problem naming the parameter and what it allows.
 */
final class AuditServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private static final Duration DEFAULT_EXPORT_WINDOW = Duration.ofHours(24);
  private static final ProblemWriter PROBLEMS = ProblemWriter.using(Json.MAPPER);

  private final transient AuditLog log;
  private final transient InstantSource clock;

  AuditServlet(AuditLog log, InstantSource clock) {
    this.log = log;
    this.clock = clock;
  }

  /** A parameter that is missing or has a value outside what it allows. */
  private static final class BadParameter extends Exception {
    private static final long serialVersionUID = 1L;
    final String name;
    final String allowed;

    BadParameter(String name, String allowed, String message) {
      super(message);
      this.name = name;
      this.allowed = allowed;
    }
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    try {
      switch (action(req)) {
        case "verify" -> verify(resp);
        case "checkpoint" -> latestCheckpoint(resp);
        case "proof" -> proof(req, resp);
        case "consistency" -> consistency(req, resp);
        case "export" -> export(req, resp);
        case "entries" -> entries(req, resp);
        default -> Json.problem(resp, "not-found", "Not found", 404, "unknown audit path");
      }
    } catch (BadParameter e) {
      PROBLEMS.write(
          resp,
          ProblemDetails.of(ProblemDetails.typeOf("invalid-parameter"), "Invalid parameter", 400)
              .withDetail(e.getMessage() + "; allowed: " + e.allowed)
              .withExtension("parameter", e.name)
              .withExtension("allowed", e.allowed));
    }
  }

  @Override
  protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    if (!"checkpoint".equals(action(req))) {
      Json.problem(resp, "not-found", "Not found", 404, "unknown audit path");
      return;
    }
    text(resp, log.checkpoint());
  }

  private static String action(HttpServletRequest req) {
    String path = req.getPathInfo() == null ? "" : req.getPathInfo();
    return path.startsWith("/") ? path.substring(1) : path;
  }

  private void verify(HttpServletResponse resp) throws IOException {
    AuditLogVerification result = log.verify();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("ok", result.ok());
    body.put("entriesChecked", result.report().entriesChecked());
    result.report().problem().ifPresent(p -> body.put("problem", p.toString()));
    result.anchor().ifPresent(a -> body.put("anchor", a.describe()));
    Json.send(resp, 200, body);
  }

  private void latestCheckpoint(HttpServletResponse resp) throws IOException {
    Optional<String> latest = log.latestCheckpoint();
    if (latest.isEmpty()) {
      Json.problem(resp, "not-found", "Not found", 404, "no checkpoint was taken yet");
      return;
    }
    text(resp, latest.get());
  }

  private void proof(HttpServletRequest req, HttpServletResponse resp)
      throws IOException, BadParameter {
    long size = log.size();
    String allowed = size == 0 ? "none: the log is empty" : "0 to " + (size - 1);
    long sequence =
        number(req, "sequence", allowed).orElseThrow(() -> missing("sequence", allowed));
    if (sequence < 0 || sequence >= size) {
      throw new BadParameter("sequence", allowed, "sequence " + sequence + " is not stored");
    }
    EntryProof proof;
    try {
      proof = log.prove(sequence);
    } catch (IllegalArgumentException e) {
      throw new BadParameter("sequence", allowed, e.getMessage());
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("sequence", sequence);
    body.put(
        "event", new String(AuditEventCodec.encode(proof.entry().event()), StandardCharsets.UTF_8));
    body.put("leafHash", Base64.getEncoder().encodeToString(proof.entry().leafHash()));
    body.put(
        "proof",
        Map.of("treeSize", proof.proof().treeSize(), "hashes", proof.proof().hashesBase64()));
    body.put("checkpoint", proof.signedCheckpoint());
    body.put("verifierKey", log.verifierKey());
    Json.send(resp, 200, body);
  }

  private void consistency(HttpServletRequest req, HttpServletResponse resp)
      throws IOException, BadParameter {
    Optional<String> latest = log.latestCheckpoint();
    long size = log.size();
    String allowed = "0 <= from <= to <= " + size;
    long from = number(req, "from", allowed).orElseThrow(() -> missing("from", allowed));
    Optional<Long> givenTo = number(req, "to", allowed);
    long to = givenTo.orElse(latest.map(n -> Checkpoint.parseUnverified(n).size()).orElse(size));
    if (from < 0 || from > to) {
      throw new BadParameter("from", allowed, "from " + from + " is not between 0 and " + to);
    }
    if (to > size) {
      throw new BadParameter("to", allowed, "to " + to + " is beyond the log's " + size);
    }
    ConsistencyProof proof = log.consistencyProof(from, to);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("from", proof.oldSize());
    body.put("to", proof.newSize());
    body.put("hashes", proof.hashesBase64());
    latest.ifPresent(note -> body.put("checkpoint", note));
    body.put("verifierKey", log.verifierKey());
    Json.send(resp, 200, body);
  }

  private void export(HttpServletRequest req, HttpServletResponse resp)
      throws IOException, BadParameter {
    String tenantAllowed = "a tenant id (a DNS label such as 'acme')";
    TenantId tenant = tenant(req).orElseThrow(() -> missing("tenant", tenantAllowed));
    Instant to = instant(req, "to").orElse(clock.instant());
    Instant from = instant(req, "from").orElse(to.minus(DEFAULT_EXPORT_WINDOW));
    if (!from.isBefore(to)) {
      throw new BadParameter(
          "from", "an instant before 'to'", "from " + from + " is not before to " + to);
    }
    resp.setStatus(200);
    resp.setContentType("application/x-ndjson");
    resp.setCharacterEncoding("UTF-8");
    log.export(tenant, from, to, resp.getOutputStream());
  }

  private void entries(HttpServletRequest req, HttpServletResponse resp)
      throws IOException, BadParameter {
    AuditQuery.Builder query =
        tenant(req).map(AuditQuery::forTenant).orElseGet(AuditQuery::platform);
    try {
      param(req, "actor").ifPresent(query::actor);
    } catch (IllegalArgumentException e) {
      throw new BadParameter("actor", "1 to 256 characters", e.getMessage());
    }
    try {
      param(req, "action").ifPresent(query::action);
    } catch (IllegalArgumentException e) {
      throw new BadParameter("action", "an action such as 'http.get' or 'http.*'", e.getMessage());
    }
    Optional<String> outcome = param(req, "outcome");
    if (outcome.isPresent()) {
      String allowed = "SUCCESS, DENIED or FAILURE";
      try {
        query.outcome(AuditOutcome.valueOf(outcome.get()));
      } catch (IllegalArgumentException e) {
        throw new BadParameter("outcome", allowed, "outcome '" + outcome.get() + "' is unknown");
      }
    }
    Optional<Long> after = number(req, "after", "a sequence number >= 0");
    if (after.isPresent()) {
      if (after.get() < 0) {
        throw new BadParameter("after", "a sequence number >= 0", "after must be >= 0");
      }
      query.afterSequence(after.get());
    }
    String limitAllowed = "1 to " + AuditQuery.MAX_LIMIT;
    Optional<Long> limit = number(req, "limit", limitAllowed);
    if (limit.isPresent()) {
      if (limit.get() < 1 || limit.get() > AuditQuery.MAX_LIMIT) {
        throw new BadParameter("limit", limitAllowed, "limit " + limit.get() + " is out of range");
      }
      query.limit(limit.get().intValue());
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    for (AuditEntry entry : log.logger().query(query.build())) {
      rows.add(row(entry));
    }
    Json.send(resp, 200, Map.of("entries", rows));
  }

  private static Map<String, Object> row(AuditEntry entry) {
    AuditEvent e = entry.event();
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("sequence", entry.sequence());
    row.put("time", e.time().toString());
    e.tenant().ifPresent(t -> row.put("tenant", t.value()));
    row.put("actor", e.actor());
    row.put("action", e.action());
    row.put("resource", e.resource());
    row.put("outcome", e.outcome().name());
    e.sourceIp().ifPresent(ip -> row.put("sourceIp", ip));
    e.requestId().ifPresent(id -> row.put("requestId", id));
    row.put("details", e.details());
    return row;
  }

  private static Optional<String> param(HttpServletRequest req, String name) {
    String value = req.getParameter(name);
    return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
  }

  private static Optional<TenantId> tenant(HttpServletRequest req) throws BadParameter {
    Optional<String> value = param(req, "tenant");
    if (value.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(TenantId.of(value.get()));
    } catch (IllegalArgumentException e) {
      throw new BadParameter("tenant", "a tenant id (a DNS label such as 'acme')", e.getMessage());
    }
  }

  private static Optional<Long> number(HttpServletRequest req, String name, String allowed)
      throws BadParameter {
    Optional<String> value = param(req, name);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Long.parseLong(value.get()));
    } catch (NumberFormatException e) {
      throw new BadParameter(name, allowed, name + " must be a whole number");
    }
  }

  private static Optional<Instant> instant(HttpServletRequest req, String name)
      throws BadParameter {
    Optional<String> value = param(req, name);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.parse(value.get()));
    } catch (java.time.format.DateTimeParseException e) {
      throw new BadParameter(
          name,
          "an ISO-8601 instant such as 2025-01-31T00:00:00Z",
          name + " is not an ISO-8601 instant");
    }
  }

  private static BadParameter missing(String name, String allowed) {
    return new BadParameter(name, allowed, "the parameter '" + name + "' is required");
  }

  private static void text(HttpServletResponse resp, String note) throws IOException {
    byte[] bytes = note.getBytes(StandardCharsets.UTF_8);
    resp.setStatus(200);
    resp.setContentType("text/plain;charset=utf-8");
    resp.setContentLength(bytes.length);
    resp.getOutputStream().write(bytes);
  }
}
