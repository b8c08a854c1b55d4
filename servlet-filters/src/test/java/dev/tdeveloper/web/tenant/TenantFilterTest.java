package dev.tdeveloper.web.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tdeveloper.tenancy.Tenant;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.TenantStatus;
import dev.tdeveloper.web.testing.EchoTenantServlet;
import dev.tdeveloper.web.testing.JettyServer;
import dev.tdeveloper.web.testing.MapTenantRegistry;
import dev.tdeveloper.web.testing.RawHttp;
import jakarta.servlet.DispatcherType;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The tenant filter inside a real Jetty 12 server, driven over raw HTTP/1.1 sockets. */
class TenantFilterTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<TenantRejectedEvent> EVENTS = new CopyOnWriteArrayList<>();
  private static JettyServer server;

  @BeforeAll
  static void startServer() throws Exception {
    MapTenantRegistry registry =
        MapTenantRegistry.of(
            tenant("acme", TenantStatus.ACTIVE),
            tenant("globex", TenantStatus.ACTIVE),
            tenant("gone", TenantStatus.DELETED),
            tenant("paused", TenantStatus.SUSPENDED),
            tenant("leaving", TenantStatus.OFFBOARDING),
            tenant("fresh", TenantStatus.PROVISIONING));
    Map<String, dev.tdeveloper.tenancy.resolve.TenantResolver> sources = new LinkedHashMap<>();
    sources.put("header", TestResolvers.header());
    sources.put("subdomain", TestResolvers.subdomain());
    TenantFilter filter =
        TenantFilter.builder()
            .resolver(TestResolvers.agreeing(sources))
            .registry(registry)
            .excludePathPrefix("/health")
            .listener(
                event -> {
                  throw new IllegalStateException("a broken listener must not break the filter");
                })
            .listener(EVENTS::add)
            .build();
    server =
        JettyServer.start(
            "/",
            context -> {
              context.addFilter(new FilterHolder(filter), "/*", EnumSet.of(DispatcherType.REQUEST));
              context.addServlet(new ServletHolder(new EchoTenantServlet()), "/*");
            });
  }

  @AfterAll
  static void stopServer() throws Exception {
    server.close();
  }

  @BeforeEach
  void clearEvents() {
    EVENTS.clear();
  }

  private static Tenant tenant(String id, TenantStatus status) {
    return Tenant.builder(id).status(status).build();
  }

  @Test
  void bindsTenantFromSubdomainForTheChain() throws Exception {
    RawHttp.Response response = server.get("/orders", "Host", "acme.example.test:8080");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body()).startsWith("tenant=acme mdc=acme attr=acme ");
  }

  @Test
  void bindsTenantFromHeaderWhenHostNamesNone() throws Exception {
    RawHttp.Response response = server.get("/orders", "X-Tenant-Id", "globex");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body()).startsWith("tenant=globex mdc=globex attr=globex ");
  }

  @Test
  void answersTenantRequiredWithoutSignal() throws Exception {
    RawHttp.Response response = server.get("/orders");

    JsonNode problem = assertProblem(response, 400, "tenant-required", "Tenant required");
    assertThat(problem.get("detail").asText()).isEqualTo("the request does not name a tenant");
    assertThat(EVENTS)
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.rejection()).isEqualTo(TenantRejection.REQUIRED);
              assertThat(event.tenant()).isEmpty();
              assertThat(event.method()).isEqualTo("GET");
              assertThat(event.path()).isEqualTo("/orders");
              assertThat(event.remoteAddress()).isEqualTo("127.0.0.1");
            });
  }

  @Test
  void answersInvalidTenantAndEscapesTheEchoedInput() throws Exception {
    RawHttp.Response response = server.get("/orders", "X-Tenant-Id", "<script>alert(1)</script>");

    JsonNode problem = assertProblem(response, 400, "invalid-tenant", "Invalid tenant");
    assertThat(response.body()).doesNotContain("<script>");
    assertThat(problem.get("detail").asText())
        .isEqualTo("header X-Tenant-Id is bad: \\u003cscript\\u003ealert(1)\\u003c/script\\u003e");
  }

  @Test
  void truncatesATenKilobyteHeaderInTheProblem() throws Exception {
    String huge = "A".repeat(10 * 1024);
    RawHttp.Response response = server.get("/orders", "X-Tenant-Id", huge);

    JsonNode problem = assertProblem(response, 400, "invalid-tenant", "Invalid tenant");
    assertThat(response.body().length()).isLessThan(600);
    assertThat(problem.get("detail").asText())
        .hasSizeLessThan(TenantFilter.MAX_DETAIL_ECHO + 30)
        .endsWith(
            "... (" + ("header X-Tenant-Id is bad: ".length() + huge.length()) + " characters)");
    assertThat(EVENTS).singleElement().satisfies(e -> assertThat(e.detail()).hasSizeLessThan(240));
  }

  @Test
  void refusesHeaderThatContradictsTheSubdomain() throws Exception {
    RawHttp.Response response =
        server.get("/orders", "Host", "acme.example.test", "X-Tenant-Id", "globex");

    JsonNode problem = assertProblem(response, 403, "tenant-mismatch", "Tenant mismatch");
    assertThat(problem.get("detail").asText())
        .isEqualTo("the request names different tenants in: header, subdomain");
    assertThat(EVENTS)
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.rejection()).isEqualTo(TenantRejection.MISMATCH);
              assertThat(event.tenant()).isEmpty();
            });
  }

  @Test
  void acceptsHeaderThatAgreesWithTheSubdomain() throws Exception {
    RawHttp.Response response =
        server.get("/orders", "Host", "acme.example.test", "X-Tenant-Id", "acme");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body()).startsWith("tenant=acme ");
  }

  @ParameterizedTest
  @ValueSource(strings = {"nobody", "gone"})
  void answersUnknownTenantForUnrecordedAndDeletedAlike(String id) throws Exception {
    RawHttp.Response response = server.get("/orders", "X-Tenant-Id", id);

    JsonNode problem = assertProblem(response, 404, "unknown-tenant", "Unknown tenant");
    assertThat(problem.get("detail").asText()).isEqualTo("tenant '" + id + "' is not known");
    assertThat(EVENTS)
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.rejection()).isEqualTo(TenantRejection.UNKNOWN);
              assertThat(event.tenant()).contains(TenantId.of(id));
            });
  }

  @ParameterizedTest
  @ValueSource(strings = {"paused", "leaving", "fresh"})
  void answersTenantInactiveForSuspendedOffboardingAndProvisioning(String id) throws Exception {
    RawHttp.Response response = server.get("/orders", "Host", id + ".example.test");

    JsonNode problem = assertProblem(response, 403, "tenant-inactive", "Tenant inactive");
    assertThat(problem.get("detail").asText())
        .isEqualTo("tenant '" + id + "' is not serving requests");
    assertThat(EVENTS)
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.rejection()).isEqualTo(TenantRejection.INACTIVE);
              assertThat(event.tenantStatus())
                  .isPresent()
                  .isNotEqualTo(Optional.of(TenantStatus.ACTIVE));
            });
  }

  @ParameterizedTest
  @ValueSource(strings = {"/health", "/health/", "/health/live"})
  void excludedPathsNeedNoTenantAndBindNone(String path) throws Exception {
    RawHttp.Response bare = server.get(path);
    RawHttp.Response withSignal = server.get(path, "Host", "acme.example.test");

    assertThat(bare.status()).isEqualTo(200);
    assertThat(bare.body()).startsWith("tenant=none mdc=none attr=none ");
    assertThat(withSignal.body()).startsWith("tenant=none mdc=none attr=none ");
    assertThat(EVENTS).isEmpty();
  }

  @Test
  void excludesWholeSegmentsOnly() throws Exception {
    assertProblem(server.get("/healthz"), 400, "tenant-required", "Tenant required");
  }

  @Test
  void neverLeaksTheTenantIntoTheThreadsNextRequest() throws Exception {
    Set<String> threadsThatServedTenants = new HashSet<>();
    int reusedThreads = 0;
    for (int i = 0; i < 40; i++) {
      RawHttp.Response bound = server.get("/orders", "Host", "acme.example.test");
      assertThat(bound.body()).startsWith("tenant=acme ");
      threadsThatServedTenants.add(threadOf(bound));
      RawHttp.Response failed = server.get("/boom", "Host", "globex.example.test");
      assertThat(failed.status()).isEqualTo(500);

      RawHttp.Response unbound = server.get("/health/live");
      assertThat(unbound.body()).startsWith("tenant=none mdc=none attr=none ");
      if (threadsThatServedTenants.contains(threadOf(unbound))) {
        reusedThreads++;
      }
    }
    // The check has teeth only if tenant-free requests ran on threads that had served tenants.
    assertThat(reusedThreads).isPositive();
  }

  private static String threadOf(RawHttp.Response response) {
    return response.body().substring(response.body().indexOf("thread=") + "thread=".length());
  }

  private static JsonNode assertProblem(
      RawHttp.Response response, int status, String slug, String title) throws Exception {
    assertThat(response.status()).isEqualTo(status);
    assertThat(response.header("Content-Type")).contains("application/problem+json");
    assertThat(response.header("Cache-Control")).contains("no-store");
    JsonNode problem = JSON.readTree(response.body());
    assertThat(problem.get("type").asText()).isEqualTo("https://tdeveloper.dev/problems/" + slug);
    assertThat(problem.get("title").asText()).isEqualTo(title);
    assertThat(problem.get("status").asInt()).isEqualTo(status);
    assertThat(problem.has("instance")).isFalse();
    return problem;
  }
}
