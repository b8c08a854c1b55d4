package dev.tdeveloper.demo;

import dev.tdeveloper.security.cert.CertificateMonitor;
import dev.tdeveloper.security.cert.CertificateReport;
import dev.tdeveloper.security.cert.CertificateStatus;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /ops/certificates} (operators only, {@code ops:read}): the latest check of the demo's
 * own TLS certificate, with its days left. Mapped only when TLS is on.
 */
final class CertificatesServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private final transient CertificateMonitor monitor;

  CertificatesServlet(CertificateMonitor monitor) {
    this.monitor = monitor;
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    CertificateReport report = monitor.lastReport().orElseGet(monitor::check);
    List<Map<String, Object>> certificates = new ArrayList<>();
    for (CertificateStatus s : report.certificates()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("source", s.source());
      row.put("entry", s.entry());
      row.put("subject", s.subject());
      row.put("sha256Fingerprint", s.sha256Fingerprint());
      row.put("notBefore", s.notBefore().toString());
      row.put("notAfter", s.notAfter().toString());
      row.put("daysLeft", s.daysLeft());
      row.put("state", s.state().name());
      certificates.add(row);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("checkedAt", report.checkedAt().toString());
    body.put("alertThresholdDays", monitor.thresholds().stream().map(d -> d.toDays()).toList());
    body.put("certificates", certificates);
    body.put("failures", report.failures());
    Json.send(resp, 200, body);
  }
}
