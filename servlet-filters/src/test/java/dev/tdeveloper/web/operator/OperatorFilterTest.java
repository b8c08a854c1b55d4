package dev.tdeveloper.web.operator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.access.Permission;
import dev.tdeveloper.tenancy.access.Principal;
import dev.tdeveloper.tenancy.access.RolePolicy;
import dev.tdeveloper.tenancy.access.TenantAccessGuard;
import dev.tdeveloper.tenancy.event.AccessEvent;
import dev.tdeveloper.tenancy.event.PlatformAccessDeniedEvent;
import dev.tdeveloper.web.testing.JettyServer;
import dev.tdeveloper.web.testing.RawHttp;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Operator routes inside a real Jetty 12 server, driven over raw HTTP/1.1 sockets. */
class OperatorFilterTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ADMIN_TOKEN = "admin-token-0123456789abcdef";
  private static final String OBSERVER_TOKEN = "observer-token-0123456789abc";
  private static final String TENANT_TOKEN = "tenant-owner-token-0123456789";
  private static final List<OperatorRejectedEvent> REJECTED = new CopyOnWriteArrayList<>();
  private static final List<AccessEvent> ACCESS = new CopyOnWriteArrayList<>();
  private static JettyServer server;

  /** Answers with the admitted operator's id. */
  static final class WhoServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
        throws IOException {
      Principal principal = (Principal) request.getAttribute(OperatorFilter.PRINCIPAL_ATTRIBUTE);
      byte[] body = ("operator=" + principal.id()).getBytes(StandardCharsets.UTF_8);
      response.setContentLength(body.length);
      response.getOutputStream().write(body);
    }
  }

  @BeforeAll
  static void startServer() throws Exception {
    TenantAccessGuard guard =
        TenantAccessGuard.builder()
            .rolePolicy(
                RolePolicy.builder()
                    .role("operator", "ops:read", "tenants:admin")
                    .role("observer", "ops:read")
                    .role("owner", "ops:read", "tenants:admin")
                    .build())
            .listener(ACCESS::add)
            .build();
    OperatorAuthenticator tokens =
        BearerTokenAuthenticator.builder()
            .token(ADMIN_TOKEN, Principal.operator("root-ops", "operator"))
            .token(OBSERVER_TOKEN, Principal.operator("watcher", "observer"))
            .token(TENANT_TOKEN, Principal.member("alice", TenantId.of("acme"), "owner"))
            .build();
    OperatorFilter filter =
        OperatorFilter.builder()
            .authenticator(tokens)
            .guard(guard)
            .require("/ops", Permission.of("ops:read"))
            .require("/admin", Permission.of("tenants:admin"))
            .listener(
                event -> {
                  throw new IllegalStateException("a broken listener must not break the filter");
                })
            .listener(REJECTED::add)
            .build();
    server =
        JettyServer.start(
            "/",
            context -> {
              context.addFilter(
                  new FilterHolder(filter), "/ops/*", EnumSet.of(DispatcherType.REQUEST));
              context.addFilter(
                  new FilterHolder(filter), "/admin/*", EnumSet.of(DispatcherType.REQUEST));
              context.addFilter(
                  new FilterHolder(filter), "/other/*", EnumSet.of(DispatcherType.REQUEST));
              context.addServlet(new ServletHolder(new WhoServlet()), "/*");
            });
  }

  @AfterAll
  static void stopServer() throws Exception {
    server.close();
  }

  @BeforeEach
  void clearEvents() {
    REJECTED.clear();
    ACCESS.clear();
  }

  private static RawHttp.Response get(String path, String token) throws IOException {
    return server.get(path, "Authorization", "Bearer " + token);
  }

  @Test
  void admitsAnOperatorWhosePlatformRoleGrantsTheRoute() throws Exception {
    assertThat(get("/ops", ADMIN_TOKEN).body()).isEqualTo("operator=root-ops");
    assertThat(get("/admin/tenants", ADMIN_TOKEN).body()).isEqualTo("operator=root-ops");
    assertThat(get("/ops/tenants", OBSERVER_TOKEN).body()).isEqualTo("operator=watcher");
    assertThat(server.get("/ops", "Authorization", "bearer " + ADMIN_TOKEN).status())
        .isEqualTo(200);
    assertThat(REJECTED).isEmpty();
  }

  @Test
  void answers401WithAChallengeWithoutCredentials() throws Exception {
    RawHttp.Response response = server.get("/ops");

    JsonNode problem = assertProblem(response, 401, "operator-unauthorized");
    assertThat(response.header("WWW-Authenticate")).contains("Bearer realm=\"operator\"");
    assertThat(problem.get("detail").asText()).isEqualTo("this route needs operator credentials");
    assertThat(REJECTED)
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.forbidden()).isFalse();
              assertThat(event.principalId()).isEmpty();
              assertThat(event.path()).isEqualTo("/ops");
            });
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Bearer wrong-token-0123456789abc",
        "Bearer short",
        "Basic YWRtaW46YWRtaW4=",
        "Bearer",
        "Bearer " + ADMIN_TOKEN + "x",
        ADMIN_TOKEN
      })
  void answers401ForCredentialsThatAuthenticateNoOne(String authorization) throws Exception {
    RawHttp.Response response = server.get("/admin/tenants", "Authorization", authorization);

    assertProblem(response, 401, "operator-unauthorized");
    assertThat(response.body()).doesNotContain(ADMIN_TOKEN);
  }

  @Test
  void answers401WhenTheAuthorizationHeaderIsRepeated() throws Exception {
    RawHttp.Response response =
        server.get(
            "/ops",
            "Authorization",
            "Bearer " + OBSERVER_TOKEN,
            "Authorization",
            "Bearer " + ADMIN_TOKEN);

    assertProblem(response, 401, "operator-unauthorized");
  }

  @Test
  void answers403WhenThePlatformRolesFallShort() throws Exception {
    RawHttp.Response response = get("/admin/tenants/acme/suspend", OBSERVER_TOKEN);

    assertProblem(response, 403, "operator-forbidden");
    assertThat(REJECTED)
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.forbidden()).isTrue();
              assertThat(event.principalId()).contains("watcher");
              assertThat(event.permission()).contains("tenants:admin");
            });
    assertThat(ACCESS)
        .singleElement()
        .isInstanceOfSatisfying(
            PlatformAccessDeniedEvent.class,
            e -> assertThat(e.permission()).isEqualTo("tenants:admin"));
  }

  @Test
  void tenantRolesNeverOpenOperatorRoutes() throws Exception {
    assertProblem(get("/ops", TENANT_TOKEN), 403, "operator-forbidden");
    assertProblem(get("/admin/tenants", TENANT_TOKEN), 403, "operator-forbidden");
  }

  @Test
  void refusesAPathNoRuleCoversEvenToAnOperator() throws Exception {
    assertProblem(get("/other/thing", ADMIN_TOKEN), 403, "operator-forbidden");
    assertThat(REJECTED).singleElement().satisfies(e -> assertThat(e.permission()).isEmpty());
  }

  @Test
  void dotSegmentsCannotMoveARequestUnderAWeakerRule() throws Exception {
    RawHttp.Response response = get("/ops/../admin/tenants", OBSERVER_TOKEN);

    assertThat(response.status()).isIn(400, 403);
    assertThat(response.body()).doesNotContain("operator=watcher");
  }

  private static JsonNode assertProblem(RawHttp.Response response, int status, String slug)
      throws Exception {
    assertThat(response.status()).isEqualTo(status);
    assertThat(response.header("Content-Type")).contains("application/problem+json");
    JsonNode problem = JSON.readTree(response.body());
    assertThat(problem.get("type").asText()).isEqualTo("https://tdeveloper.dev/problems/" + slug);
    assertThat(problem.get("status").asInt()).isEqualTo(status);
    return problem;
  }
}
