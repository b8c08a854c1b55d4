package dev.tdeveloper.demo;

import dev.tdeveloper.cost.allocation.CostLine;
import dev.tdeveloper.cost.focus.FocusExporter;
import dev.tdeveloper.cost.usage.CostPeriod;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The FinOps report for operators (behind the operator filter, like every {@code /admin} route):
 * {@code GET /admin/finops} answers the {@linkplain FinOpsView demo's} {@link
 * dev.tdeveloper.cost.report.FinOpsReport} as its self-contained HTML page with SVG charts ({@code
 * ?format=html}, the default) or as JSON ({@code ?format=json}); {@code GET
 * /admin/finops/export?from=2025-03-01&to=2025-03-02} answers the allocated lines of the days kept
 * in {@code [from, to)} (UTC days; both optional, by default every day kept) as FOCUS 1.x CSV. Bad
 * parameters get a 400 problem naming the parameter, the value and what is allowed.
 */
final class FinOpsServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private final transient DemoCost cost;

  FinOpsServlet(DemoCost cost) {
    this.cost = cost;
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    resp.setHeader("Cache-Control", "no-store");
    String path = req.getPathInfo() == null ? "" : req.getPathInfo();
    if ("/export".equals(path)) {
      export(req, resp);
      return;
    }
    if (!path.isEmpty() && !"/".equals(path)) {
      Json.problem(resp, "not-found", "Not found", 404, "unknown finops path " + path);
      return;
    }
    String format = Optional.ofNullable(req.getParameter("format")).orElse("html");
    switch (format) {
      case "json" -> Json.send(resp, 200, FinOpsView.json(cost));
      case "html" -> {
        byte[] page = FinOpsView.report(cost).toHtml().getBytes(StandardCharsets.UTF_8);
        resp.setStatus(200);
        resp.setContentType("text/html;charset=utf-8");
        resp.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
        resp.setContentLength(page.length);
        resp.getOutputStream().write(page);
      }
      default ->
          Json.problem(
              resp,
              "invalid-request",
              "Invalid request",
              400,
              "parameter 'format' was '" + format + "'; allowed: html, json");
    }
  }

  private void export(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    Optional<LocalDate> from;
    Optional<LocalDate> to;
    try {
      from = day(req, "from");
      to = day(req, "to");
    } catch (IllegalArgumentException e) {
      Json.problem(resp, "invalid-request", "Invalid request", 400, e.getMessage());
      return;
    }
    if (from.isPresent() && to.isPresent() && !to.get().isAfter(from.get())) {
      Json.problem(
          resp,
          "invalid-request",
          "Invalid request",
          400,
          "parameter 'to' was " + to.get() + "; allowed: a day after 'from' " + from.get());
      return;
    }
    List<CostLine> lines = new ArrayList<>();
    for (DemoCost.Day d : cost.snapshot().days()) {
      LocalDate day = LocalDate.ofInstant(d.period().start(), ZoneOffset.UTC);
      if (from.map(f -> !day.isBefore(f)).orElse(true)
          && to.map(t -> day.isBefore(t)).orElse(true)) {
        lines.addAll(d.allocation().lines());
      }
    }
    FocusExporter.Builder exporter =
        FocusExporter.builder()
            .provider("tdeveloper demo", "tdeveloper demo", "tdeveloper demo")
            .billingAccount("demo", "tdeveloper demo");
    if (from.isPresent() && to.isPresent()) {
      exporter.billingPeriod(
          CostPeriod.of(
              from.get().atStartOfDay(ZoneOffset.UTC).toInstant(),
              to.get().atStartOfDay(ZoneOffset.UTC).toInstant()));
    }
    byte[] csv = exporter.build().toCsv(lines).getBytes(StandardCharsets.UTF_8);
    resp.setStatus(200);
    resp.setContentType("text/csv;charset=utf-8");
    resp.setHeader("Content-Disposition", "attachment; filename=\"finops-focus.csv\"");
    resp.setContentLength(csv.length);
    resp.getOutputStream().write(csv);
  }

  private static Optional<LocalDate> day(HttpServletRequest req, String name) {
    String value = req.getParameter(name);
    if (value == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(value));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "parameter '" + name + "' was '" + value + "'; allowed: a UTC day such as 2025-03-01", e);
    }
  }
}
