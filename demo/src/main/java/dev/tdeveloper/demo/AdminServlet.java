package dev.tdeveloper.demo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tdeveloper.tenancy.IllegalTenantTransitionException;
import dev.tdeveloper.tenancy.Tenant;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.TenantNotFoundException;
import dev.tdeveloper.tenancy.spi.TenantAlreadyExistsException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Tenant lifecycle for operators, guarded by the {@code X-Admin-Token} header: {@code POST
 * /admin/tenants} with {@code {"id": "...", "plan": "..."}} provisions a tenant; {@code POST
 * /admin/tenants/{id}/suspend|reactivate|offboard} runs that saga.
 */
final class AdminServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private final transient DemoServices services;
  private final byte[] token;

  AdminServlet(DemoServices services, String token) {
    this.services = services;
    this.token = token.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    String given = req.getHeader("X-Admin-Token");
    if (given == null || !MessageDigest.isEqual(token, given.getBytes(StandardCharsets.UTF_8))) {
      Json.problem(resp, "unauthorized", "Unauthorized", 401, "missing or wrong X-Admin-Token");
      return;
    }
    String path = req.getPathInfo() == null ? "" : req.getPathInfo();
    String[] parts = path.split("/");
    try {
      if ("/tenants".equals(path)) {
        JsonNode body = Json.MAPPER.readTree(req.getInputStream().readNBytes(4096));
        if (body == null || !body.path("id").isTextual()) {
          Json.problem(resp, "invalid-request", "Invalid request", 400, "expected {\"id\": ...}");
          return;
        }
        Tenant tenant =
            Tenant.builder(body.get("id").asText())
                .plan(body.path("plan").asText(services.config.current().defaultPlan()))
                .build();
        Json.send(resp, 201, summary(services.provisioner.provision(tenant)));
      } else if (parts.length == 4 && "tenants".equals(parts[1])) {
        TenantId id = TenantId.of(parts[2]);
        Tenant result =
            switch (parts[3]) {
              case "suspend" -> services.provisioner.suspend(id, "operator request");
              case "reactivate" -> services.provisioner.reactivate(id);
              case "offboard" -> services.provisioner.offboard(id);
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

  private static java.util.Map<String, String> summary(Tenant t) {
    return java.util.Map.of("id", t.id().value(), "plan", t.plan(), "status", t.status().name());
  }
}
