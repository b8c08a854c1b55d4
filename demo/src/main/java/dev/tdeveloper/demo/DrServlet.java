package dev.tdeveloper.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tdeveloper.dr.backup.VerifyReport;
import dev.tdeveloper.dr.drill.DrillResult;
import dev.tdeveloper.dr.policy.BackupOutcome;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.spi.TenantRegistry;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Backups for operators (behind the operator filter, like every {@code /admin} route): {@code POST
 * /admin/dr/restore} with {@code {"tenant": "acme", "at": "2025-03-01T10:05:00Z"}} restores the
 * tenant's notes to that instant (400 naming the field for bad input, 404 for an unknown tenant,
 * 409 for an instant before the tenant's first backup); {@code POST /admin/dr/backup} runs the
 * backup policy now; {@code POST /admin/dr/drill} drills every tenant's latest backup now; {@code
 * GET /admin/dr/verify} verifies every backup and names missing or corrupt chunks.
 */
final class DrServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private final transient DemoBackups backups;
  private final transient TenantRegistry registry;

  DrServlet(DemoBackups backups, TenantRegistry registry) {
    this.backups = backups;
    this.registry = registry;
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    if (!"/verify".equals(req.getPathInfo())) {
      Json.problem(resp, "not-found", "Not found", 404, "unknown backup path");
      return;
    }
    List<VerifyReport> reports = backups.verifyNow();
    List<Map<String, Object>> rows =
        reports.stream()
            .map(
                r -> {
                  Map<String, Object> row = new LinkedHashMap<>();
                  row.put("scope", r.scope().key());
                  row.put("ok", r.ok());
                  row.put("backupsChecked", r.backupsChecked().size());
                  row.put("chunksChecked", r.chunksChecked());
                  row.put(
                      "missingChunks", r.missingChunks().stream().map(p -> p.chunkId()).toList());
                  row.put(
                      "corruptChunks", r.corruptChunks().stream().map(p -> p.chunkId()).toList());
                  row.put(
                      "corruptManifests",
                      r.corruptManifests().stream().map(p -> p.backupId()).toList());
                  row.put("summary", r.describe());
                  return row;
                })
            .toList();
    Json.send(resp, 200, Map.of("ok", reports.stream().allMatch(VerifyReport::ok), "scopes", rows));
  }

  @Override
  protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    String path = req.getPathInfo() == null ? "" : req.getPathInfo();
    switch (path) {
      case "/restore" -> restore(req, resp);
      case "/backup" -> {
        BackupOutcome outcome = backups.backupNow();
        if (outcome instanceof BackupOutcome.Completed c) {
          Json.send(resp, 200, Map.of("outcome", "completed", "backupIds", c.backupIds()));
        } else {
          Json.send(
              resp,
              500,
              Map.of("outcome", "failed", "reason", ((BackupOutcome.Failed) outcome).reason()));
        }
      }
      case "/drill" -> {
        List<Map<String, Object>> rows = backups.drillNow().stream().map(DrServlet::drill).toList();
        Json.send(resp, 200, Map.of("drills", rows));
      }
      default -> Json.problem(resp, "not-found", "Not found", 404, "unknown backup path");
    }
  }

  private void restore(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    JsonNode body;
    try {
      body = Json.MAPPER.readTree(req.getInputStream().readNBytes(4096));
    } catch (JsonProcessingException e) {
      Json.problem(resp, "invalid-request", "Invalid request", 400, "the body is not JSON");
      return;
    }
    String tenantText = body == null ? null : body.path("tenant").asText(null);
    if (tenantText == null || !TenantId.isValid(tenantText)) {
      Json.problem(
          resp,
          "invalid-request",
          "Invalid request",
          400,
          "field 'tenant' must be a tenant id, was "
              + (body == null ? "missing" : body.get("tenant")));
      return;
    }
    Instant at;
    try {
      at = Instant.parse(body.path("at").asText(""));
    } catch (DateTimeParseException e) {
      Json.problem(
          resp,
          "invalid-request",
          "Invalid request",
          400,
          "field 'at' must be an ISO-8601 UTC instant such as 2025-03-01T10:05:00Z, was "
              + body.get("at"));
      return;
    }
    TenantId tenant = TenantId.of(tenantText);
    if (registry.find(tenant).isEmpty()) {
      Json.problem(resp, "unknown-tenant", "Unknown tenant", 404, "no tenant " + tenant.value());
      return;
    }
    Optional<Instant> earliest = backups.earliestRestorable(tenant);
    if (earliest.isEmpty() || at.isBefore(earliest.get())) {
      Json.problem(
          resp,
          "conflict",
          "Conflict",
          409,
          earliest
              .map(
                  e ->
                      "field 'at' "
                          + at
                          + " is before the first backup of "
                          + tenant.value()
                          + ", which finished at "
                          + e)
              .orElse("tenant " + tenant.value() + " has no backup yet"));
      return;
    }
    DemoBackups.Restored restored = backups.restore(tenant, at);
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("tenant", restored.tenant().value());
    answer.put("at", restored.at().toString());
    answer.put("baseBackupId", restored.baseBackupId());
    answer.put("changesReplayed", restored.replayed());
    answer.put("notes", restored.notes());
    Json.send(resp, 200, answer);
  }

  private static Map<String, Object> drill(DrillResult d) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("scope", d.scope().key());
    row.put("source", d.source());
    row.put("backupId", d.backupId().orElse(null));
    row.put("passed", d.succeeded());
    row.put("measuredRtoMillis", d.measuredRto().toMillis());
    row.put("validation", d.validationMessage());
    row.put("failureReason", d.failureReason().orElse(null));
    return row;
  }
}
