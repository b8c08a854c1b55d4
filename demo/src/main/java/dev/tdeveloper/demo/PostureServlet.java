package dev.tdeveloper.demo;

import dev.tdeveloper.security.posture.Finding;
import dev.tdeveloper.security.posture.PostureReport;
import dev.tdeveloper.security.posture.SecurityPolicy;
import dev.tdeveloper.security.posture.Severity;
import dev.tdeveloper.tenancy.TenantId;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /ops/posture} (operators only, {@code ops:read}): the last security posture scan — the
 * policy checked against, the checks that ran, counts by severity and every finding — and the
 * problems of a refused {@code security.yaml} reload. {@code ?tenant=<id>} keeps only the findings
 * about that tenant's subjects.
 */
final class PostureServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private final transient DemoPosture posture;

  PostureServlet(DemoPosture posture) {
    this.posture = posture;
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    PostureReport report = posture.report();
    List<Finding> findings = report.findings();
    String tenant = req.getParameter("tenant");
    if (tenant != null) {
      TenantId id;
      try {
        id = TenantId.of(tenant);
      } catch (IllegalArgumentException e) {
        Json.problem(resp, "invalid-tenant", "Invalid tenant id", 400, e.getMessage());
        return;
      }
      findings = report.forTenant(id);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("scannedAt", report.scannedAt().toString());
    body.put("policyFile", posture.policy.path().toString());
    posture.lastRefusal().ifPresent(r -> body.put("policyReloadRefused", r.message()));
    body.put("policy", policy(report.policy()));
    body.put("checks", report.checks());
    Map<String, Long> counts = new LinkedHashMap<>();
    for (Severity severity : Severity.values()) {
      counts.put(severity.name(), findings.stream().filter(f -> f.severity() == severity).count());
    }
    body.put("counts", counts);
    body.put("findings", findings.stream().map(PostureServlet::row).toList());
    Json.send(resp, 200, body);
  }

  private static Map<String, Object> policy(SecurityPolicy p) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("minimumTlsProtocol", p.minimumTlsProtocol());
    row.put("cipherSuites", p.allowedCipherSuites());
    row.put("keyMaximumAge", p.keyMaximumAge().toString());
    row.put("secretMaximumAge", p.secretMaximumAge().toString());
    row.put("certificateMinimumDaysLeft", p.certificateMinimumDaysLeft());
    row.put("requireTenantKey", p.requireTenantKey());
    row.put("requireQuota", p.requireQuota());
    row.put("requireRateLimit", p.requireRateLimit());
    return row;
  }

  private static Map<String, Object> row(Finding f) {
    Map<String, Object> subject = new LinkedHashMap<>();
    subject.put("kind", f.subject().kind());
    subject.put("id", f.subject().id());
    f.subject().tenant().ifPresent(t -> subject.put("tenant", t.value()));
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("key", f.key());
    row.put("checkId", f.checkId());
    row.put("severity", f.severity().name());
    row.put("subject", subject);
    row.put("message", f.message());
    row.put("remediation", f.remediation());
    row.put("observed", f.observed());
    row.put("required", f.required());
    return row;
  }
}
