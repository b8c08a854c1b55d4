package dev.tdeveloper.demo;

import dev.tdeveloper.tenancy.Tenant;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.context.TenantContext;
import dev.tdeveloper.tenancy.quota.QuotaUsage;
import dev.tdeveloper.tenancy.usage.MeterDefinition;
import dev.tdeveloper.tenancy.usage.WindowAggregate;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code GET /usage}: the current tenant's metered usage of the last 24 hours and its quotas. */
final class UsageServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private final transient DemoServices services;

  UsageServlet(DemoServices services) {
    this.services = services;
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    TenantId tenant = TenantContext.require();
    Instant now = services.clock.instant();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("tenant", tenant.value());
    body.put(
        "plan",
        services
            .registry
            .find(tenant)
            .map(Tenant::plan)
            .orElseGet(() -> services.config.current().planOf(tenant)));
    Map<String, Object> meters = new LinkedHashMap<>();
    for (MeterDefinition meter : services.tenancy.usage.meters()) {
      List<WindowAggregate> windows =
          services.tenancy.usage.windows(tenant, meter.name(), now.minus(Duration.ofDays(1)), now);
      meters.put(
          meter.name(),
          windows.stream()
              .map(
                  w ->
                      Map.of(
                          "windowStart", w.windowStart().toString(),
                          "value", w.value(),
                          "closed", w.closed()))
              .toList());
    }
    body.put("meters", meters);
    QuotaUsage notes = services.tenancy.quotas.usage(tenant, "notes");
    body.put(
        "quotas",
        Map.of(
            "notes",
            Map.of(
                "used", notes.used(),
                "limit", notes.limit(),
                "remaining", notes.remaining(),
                "resetAt", notes.resetAt().toString())));
    Json.send(resp, 200, body);
  }
}
