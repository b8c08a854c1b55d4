package dev.tdeveloper.demo;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The demo's metrics for operators: {@code GET /ops/metrics} is the Prometheus scrape (text format
 * 0.0.4) of every bridged core event and business metric ({@code tdeveloper_*}, tenant tags under
 * the cardinality guard); {@code GET /admin/metrics} is the business metrics' JSON snapshot.
 */
final class MetricsServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private final transient DemoObservability observability;

  MetricsServlet(DemoObservability observability) {
    this.observability = observability;
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    if ("/ops/metrics".equals(req.getServletPath())) {
      byte[] body = observability.registry.scrape().getBytes(StandardCharsets.UTF_8);
      resp.setStatus(200);
      resp.setContentType("text/plain; version=0.0.4; charset=utf-8");
      resp.setContentLength(body.length);
      resp.getOutputStream().write(body);
      return;
    }
    byte[] body = observability.business.snapshotJson().getBytes(StandardCharsets.UTF_8);
    resp.setStatus(200);
    resp.setContentType("application/json");
    resp.setContentLength(body.length);
    resp.getOutputStream().write(body);
  }
}
