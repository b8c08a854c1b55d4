package dev.tdeveloper.web.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tdeveloper.tenancy.Tenant;
import dev.tdeveloper.tenancy.TenantStatus;
import dev.tdeveloper.tenancy.resolve.CompositeTenantResolver;
import dev.tdeveloper.tenancy.resolve.HeaderTenantResolver;
import dev.tdeveloper.tenancy.resolve.SubdomainTenantResolver;
import dev.tdeveloper.web.testing.EchoTenantServlet;
import dev.tdeveloper.web.testing.JettyServer;
import dev.tdeveloper.web.testing.MapTenantRegistry;
import dev.tdeveloper.web.testing.RawHttp;
import jakarta.servlet.DispatcherType;
import java.util.EnumSet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Repeated tenant headers through real Jetty, with the library's own resolvers: a proxy that
 * appends its own {@code X-Tenant-Id} and an application that reads the first must never disagree
 * about the tenant, so differing repeats are refused.
 */
class TenantFilterRepeatedHeaderTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static JettyServer server;

  @BeforeAll
  static void startServer() throws Exception {
    TenantFilter filter =
        TenantFilter.builder()
            .resolver(
                CompositeTenantResolver.builder(CompositeTenantResolver.Mode.ALL_MUST_AGREE)
                    .add("subdomain", SubdomainTenantResolver.of("example.test"))
                    .add("header", HeaderTenantResolver.of())
                    .build())
            .registry(MapTenantRegistry.of(active("acme"), active("globex")))
            .build();
    server =
        JettyServer.start(
            "/",
            context -> {
              context.addFilter(new FilterHolder(filter), "/*", EnumSet.of(DispatcherType.REQUEST));
              context.addServlet(new ServletHolder(new EchoTenantServlet()), "/*");
            });
  }

  private static Tenant active(String id) {
    return Tenant.builder(id).status(TenantStatus.ACTIVE).build();
  }

  @AfterAll
  static void stopServer() throws Exception {
    server.close();
  }

  @Test
  void refusesTwoTenantHeadersNamingDifferentTenants() throws Exception {
    RawHttp.Response response =
        server.get("/orders", "X-Tenant-Id", "globex", "X-Tenant-Id", "acme");

    assertThat(response.status()).isEqualTo(400);
    JsonNode problem = JSON.readTree(response.body());
    assertThat(problem.get("type").asText())
        .isEqualTo("https://tdeveloper.dev/problems/invalid-tenant");
    assertThat(problem.get("detail").asText())
        .contains("header X-Tenant-Id is repeated with different tenants: 'globex' and 'acme'");
    assertThat(response.body()).doesNotContain("tenant=");
  }

  @Test
  void refusesDifferentTenantsCombinedIntoOneHeaderLine() throws Exception {
    RawHttp.Response response = server.get("/orders", "X-Tenant-Id", "globex, acme");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body()).contains("repeated with different tenants");
  }

  @Test
  void refusesARepeatedHeaderWhoseFirstValueAgreesWithTheSubdomain() throws Exception {
    RawHttp.Response response =
        server.get(
            "/orders", "Host", "acme.example.test", "X-Tenant-Id", "acme", "x-tenant-id", "globex");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body()).contains("repeated with different tenants");
  }

  @Test
  void servesARepeatedHeaderWhoseValuesAreAllTheSameTenant() throws Exception {
    RawHttp.Response response =
        server.get("/orders", "X-Tenant-Id", "globex", "X-Tenant-Id", " globex ");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body()).startsWith("tenant=globex ");
  }
}
