package dev.tdeveloper.demo;

import dev.tdeveloper.tenancy.Tenant;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /health} and {@code GET /ops}: liveness (public, and revealing nothing but {@code
 * UP}), and the operator's view of every tenant (plan, status, region, isolation) and of the
 * configuration in force, behind the operator filter ({@code ops:read}).
 */
final class OpsServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private final transient DemoServices services;

  OpsServlet(DemoServices services) {
    this.services = services;
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    if ("/health".equals(req.getServletPath())) {
      Json.send(resp, 200, Map.of("status", "UP"));
      return;
    }
    List<Map<String, Object>> tenants = new ArrayList<>();
    for (Tenant t : services.registry.list()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("id", t.id().value());
      row.put("displayName", t.displayName());
      row.put("plan", t.plan());
      row.put("status", t.status().name());
      row.put("homeRegion", t.homeRegion());
      row.put("isolation", t.isolation().name());
      row.put("timeZone", t.timeZone().getId());
      tenants.add(row);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("config", services.config.path().toString());
    body.put("plans", services.config.current().plans());
    body.put("tenants", tenants);
    Json.send(resp, 200, body);
  }
}
