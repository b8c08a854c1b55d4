package dev.tdeveloper.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tdeveloper.compliance.controls.AccessReview;
import dev.tdeveloper.compliance.controls.Framework;
import dev.tdeveloper.compliance.controls.ReviewScope;
import dev.tdeveloper.compliance.report.ComplianceReport;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * Compliance evidence for operators (behind the operator filter, {@code tenants:admin}): {@code GET
 * /admin/compliance/report?framework=SOC2|ISO27001|HIPAA&format=json|html} (defaults SOC2, html)
 * evaluates the framework's controls now and answers the OSCAL assessment results as {@code
 * application/json} or the HTML page; {@code POST /admin/access-reviews} with {@code {"scope":
 * "platform/operator", "reviewer": "...", "outcome": "NO_CHANGE"|"ACCESS_CHANGED"|"INCOMPLETE"}}
 * records an access review. A bad parameter or field is a 400 problem naming it. Thread-safe.
 */
final class ComplianceServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  private final transient DemoCompliance compliance;

  ComplianceServlet(DemoCompliance compliance) {
    this.compliance = compliance;
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    if (!"/admin/compliance/report".equals(req.getRequestURI())) {
      Json.problem(resp, "not-found", "Not found", 404, "unknown compliance path");
      return;
    }
    String framework = param(req, "framework", "SOC2");
    String format = param(req, "format", "html");
    if (framework == null
        || Arrays.stream(Framework.values()).noneMatch(f -> f.name().equals(framework))) {
      invalid(
          resp,
          "parameter 'framework' must be given once, one of "
              + Arrays.toString(Framework.values()));
      return;
    }
    if (format == null || (!"json".equals(format) && !"html".equals(format))) {
      invalid(resp, "parameter 'format' must be given once, json or html");
      return;
    }
    ComplianceReport report = compliance.report(Framework.valueOf(framework));
    boolean json = "json".equals(format);
    byte[] body = (json ? report.toOscalJson() : report.toHtml()).getBytes(StandardCharsets.UTF_8);
    resp.setStatus(200);
    resp.setContentType(json ? "application/json" : "text/html; charset=utf-8");
    resp.setContentLength(body.length);
    resp.getOutputStream().write(body);
  }

  @Override
  protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    if (!"/admin/access-reviews".equals(req.getRequestURI())) {
      Json.problem(resp, "not-found", "Not found", 404, "unknown compliance path");
      return;
    }
    JsonNode body;
    try (InputStream in = req.getInputStream()) {
      body = Json.MAPPER.readTree(in.readNBytes(16 * 1024));
    } catch (JsonProcessingException e) {
      invalid(resp, "body is not valid JSON");
      return;
    }
    if (body == null || !body.isObject()) {
      invalid(resp, "body must be a JSON object {\"scope\", \"reviewer\", \"outcome\"}");
      return;
    }
    for (String field : new String[] {"scope", "reviewer", "outcome"}) {
      if (!body.path(field).isTextual()) {
        invalid(resp, "field '" + field + "' is required and must be a string");
        return;
      }
    }
    String scope = body.get("scope").asText();
    if (!DemoCompliance.OPERATOR_SCOPE.toString().equals(scope)) {
      invalid(
          resp,
          "field 'scope' must be " + DemoCompliance.OPERATOR_SCOPE + " (the demo's only role)");
      return;
    }
    AccessReview.Outcome outcome;
    try {
      outcome = AccessReview.Outcome.valueOf(body.get("outcome").asText());
    } catch (IllegalArgumentException e) {
      invalid(
          resp, "field 'outcome' must be one of " + Arrays.toString(AccessReview.Outcome.values()));
      return;
    }
    try {
      AccessReview review =
          compliance.recordReview(
              ReviewScope.platform("operator"), body.get("reviewer").asText(), outcome);
      Json.send(
          resp,
          201,
          Map.of(
              "scope", review.scope().toString(),
              "reviewer", review.reviewer(),
              "reviewedAt", review.reviewedAt().toString(),
              "outcome", review.outcome().name()));
    } catch (IllegalArgumentException e) {
      invalid(resp, "field 'reviewer' is invalid: " + e.getMessage());
    }
  }

  /** Returns the parameter's single value, the default when absent, or null when repeated. */
  private static String param(HttpServletRequest req, String name, String fallback) {
    String[] values = req.getParameterValues(name);
    if (values == null) {
      return fallback;
    }
    return values.length == 1 ? values[0] : null;
  }

  private static void invalid(HttpServletResponse resp, String detail) throws IOException {
    Json.problem(resp, "invalid-request", "Invalid request", 400, detail);
  }
}
