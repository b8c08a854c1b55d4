package dev.tdeveloper.demo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tdeveloper.security.crypto.RewrapResult;
import dev.tdeveloper.tenancy.IllegalTenantTransitionException;
import dev.tdeveloper.tenancy.Tenant;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.TenantNotFoundException;
import dev.tdeveloper.tenancy.TenantStatus;
import dev.tdeveloper.tenancy.config.TenantConfig;
import dev.tdeveloper.tenancy.spi.TenantAlreadyExistsException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Tenant lifecycle for operators (the operator filter in front of it checks the caller's platform
 * role grants {@code tenants:admin}): {@code POST /admin/tenants} with {@code {"id": "...", "plan":
 * "..."}} provisions a tenant on that plan (one {@code tenants.yaml} declares; default: its default
 * plan), whose rate limits, quotas and WAF policy it gets at once; {@code POST
 * /admin/tenants/{id}/suspend|reactivate|offboard} runs that saga (offboarding crypto-shreds the
 * tenant's notes); {@code POST /admin/tenants/{id}/rotate-key} adds a key version and rewraps the
 * tenant's notes under it, answering {@code {"tenant", "keyVersion", "rewrapped", "examined"}}.
 */
final class AdminServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private final transient DemoServices services;

  AdminServlet(DemoServices services) {
    this.services = services;
  }

  @Override
  protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    String path = req.getPathInfo() == null ? "" : req.getPathInfo();
    String[] parts = path.split("/");
    try {
      if ("/tenants".equals(path)) {
        JsonNode body = Json.MAPPER.readTree(req.getInputStream().readNBytes(4096));
        if (body == null || !body.path("id").isTextual()) {
          Json.problem(resp, "invalid-request", "Invalid request", 400, "expected {\"id\": ...}");
          return;
        }
        TenantConfig config = services.config.current();
        String plan = body.path("plan").asText(config.defaultPlan());
        if (!config.plans().contains(plan)) {
          // A tenant on a plan no consumer knows would fail each request it makes.
          Json.problem(
              resp,
              "invalid-request",
              "Invalid request",
              400,
              "plan: '" + plan + "' is not a plan of tenants.yaml; allowed: " + config.plans());
          return;
        }
        Tenant tenant = Tenant.builder(body.get("id").asText()).plan(plan).build();
        Json.send(resp, 201, summary(services.tenancy.provisioner.provision(tenant)));
      } else if (parts.length == 4 && "tenants".equals(parts[1])) {
        TenantId id = TenantId.of(parts[2]);
        if ("rotate-key".equals(parts[3])) {
          rotateKey(id, resp);
          return;
        }
        Tenant result =
            switch (parts[3]) {
              case "suspend" -> services.tenancy.provisioner.suspend(id, "operator request");
              case "reactivate" -> services.tenancy.provisioner.reactivate(id);
              case "offboard" -> services.tenancy.provisioner.offboard(id);
              default -> null;
            };
        if (result == null) {
          Json.problem(resp, "not-found", "Not found", 404, "unknown action");
          return;
        }
        Json.send(resp, 200, summary(result));
      } else {
        Json.problem(resp, "not-found", "Not found", 404, "unknown admin path");
      }
    } catch (IllegalArgumentException e) {
      Json.problem(resp, "invalid-request", "Invalid request", 400, e.getMessage());
    } catch (TenantNotFoundException e) {
      Json.problem(resp, "unknown-tenant", "Unknown tenant", 404, e.getMessage());
    } catch (TenantAlreadyExistsException | IllegalTenantTransitionException e) {
      Json.problem(resp, "conflict", "Conflict", 409, e.getMessage());
    }
  }

  private void rotateKey(TenantId id, HttpServletResponse resp) throws IOException {
    TenantStatus status =
        services.registry.find(id).orElseThrow(() -> new TenantNotFoundException(id)).status();
    if (status != TenantStatus.ACTIVE && status != TenantStatus.SUSPENDED) {
      Json.problem(
          resp, "conflict", "Conflict", 409, "tenant " + id.value() + " is " + status.name());
      return;
    }
    RewrapResult result = services.keys.rotate(id, services.notes);
    Json.send(
        resp,
        200,
        java.util.Map.of(
            "tenant", id.value(),
            "keyVersion", result.targetVersion(),
            "rewrapped", result.rewrapped(),
            "examined", result.examined()));
  }

  private static java.util.Map<String, String> summary(Tenant t) {
    return java.util.Map.of("id", t.id().value(), "plan", t.plan(), "status", t.status().name());
  }
}
