package dev.tdeveloper.web.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tdeveloper.scaling.health.CheckSettings;
import dev.tdeveloper.scaling.health.Criticality;
import dev.tdeveloper.scaling.health.HealthCheckRegistry;
import dev.tdeveloper.scaling.health.HealthResult;
import dev.tdeveloper.scaling.health.HealthStatus;
import dev.tdeveloper.web.testing.JettyServer;
import dev.tdeveloper.web.testing.RawHttp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Health probes inside a real Jetty 12 server. */
class HealthServletTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT = HttpClient.newHttpClient();
  private static final AtomicReference<HealthStatus> DB = new AtomicReference<>();
  private static final AtomicReference<HealthStatus> CACHE = new AtomicReference<>();
  private static HealthCheckRegistry registry;
  private static JettyServer server;

  @BeforeAll
  static void startServer() throws Exception {
    registry =
        HealthCheckRegistry.builder()
            .check("db", () -> HealthResult.of(DB.get()).withDetail("pool", 8))
            .check(
                "cache",
                () -> HealthResult.of(CACHE.get()),
                CheckSettings.defaults().withCriticality(Criticality.NON_CRITICAL))
            .check("ping", HealthResult::up)
            .liveness("ping")
            .readiness("db", "cache")
            .startup("db")
            .group("deep", "db", "cache", "ping")
            .build();
    HealthServlet quiet = HealthServlet.builder().registry(registry).build();
    HealthServlet detailed = HealthServlet.builder().registry(registry).showDetails(true).build();
    server =
        JettyServer.start(
            "/",
            context -> {
              context.addServlet(new ServletHolder(quiet), "/health/*");
              context.addServlet(new ServletHolder(detailed), "/ops/health/*");
              context.addServlet(new ServletHolder(quiet), "/healthz/ready");
            });
  }

  @AfterAll
  static void stopServer() throws Exception {
    server.close();
    registry.close();
  }

  @BeforeEach
  void healthy() {
    DB.set(HealthStatus.UP);
    CACHE.set(HealthStatus.UP);
  }

  @Test
  void aHealthyGroupAnswers200WithTheStatusOnlyByDefault() throws Exception {
    RawHttp.Response response = server.get("/health/ready");
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.header("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    assertThat(response.header("Cache-Control")).contains("no-store");
    assertThat(response.body()).isEqualTo("{\"status\":\"UP\"}");
  }

  @ParameterizedTest
  @CsvSource({"DOWN, 503", "OUT_OF_SERVICE, 503", "UP, 200", "UNKNOWN, 200"})
  void mapsTheGroupStatusToTheHttpStatus(HealthStatus status, int expected) throws Exception {
    DB.set(status);
    CACHE.set(status);
    RawHttp.Response response = server.get("/health/ready");
    assertThat(response.status()).isEqualTo(expected);
    assertThat(JSON.readTree(response.body()).get("status").asText()).isEqualTo(status.name());
  }

  @Test
  void eachProbePathReportsItsGroup() throws Exception {
    DB.set(HealthStatus.DOWN);
    assertThat(server.get("/health/live").status()).isEqualTo(200);
    assertThat(server.get("/health/ready").status()).isEqualTo(503);
    assertThat(server.get("/health/started").status()).isEqualTo(503);
    assertThat(server.get("/health/deep").status()).isEqualTo(503);
    assertThat(server.get("/health/liveness").status()).isEqualTo(200);
    assertThat(server.get("/healthz/ready").status()).isEqualTo(503);
  }

  @Test
  void aDownNonCriticalCheckKeepsTheProbeAt200() throws Exception {
    CACHE.set(HealthStatus.DOWN);
    RawHttp.Response response = server.get("/ops/health/ready");
    assertThat(response.status()).isEqualTo(200);
    JsonNode json = JSON.readTree(response.body());
    assertThat(json.at("/details/degraded/0").asText()).isEqualTo("cache");
  }

  @Test
  void detailsAreShownOnlyWhenConfigured() throws Exception {
    JsonNode json = JSON.readTree(server.get("/ops/health/deep").body());
    assertThat(json.get("status").asText()).isEqualTo("UP");
    assertThat(json.at("/components/db/status").asText()).isEqualTo("UP");
    assertThat(json.at("/components/db/details/pool").asInt()).isEqualTo(8);
    assertThat(json.at("/components/db/durationMillis").isIntegralNumber()).isTrue();
    assertThat(JSON.readTree(server.get("/health/deep").body()).has("components")).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"/health/nope", "/health/", "/health", "/health/ready/x", "/health/Ready"})
  void anUnknownGroupIsAProblem404(String path) throws Exception {
    RawHttp.Response response = server.get(path);
    assertThat(response.status()).isEqualTo(404);
    assertThat(response.header("Content-Type")).contains("application/problem+json");
    JsonNode problem = JSON.readTree(response.body());
    assertThat(problem.get("type").asText())
        .isEqualTo("https://tdeveloper.dev/problems/unknown-health-group");
    assertThat(problem.get("detail").asText()).contains("live, ready, started");
  }

  @ParameterizedTest
  @ValueSource(strings = {"POST", "PUT", "DELETE", "OPTIONS"})
  void otherMethodsAre405WithAllow(String method) throws Exception {
    HttpResponse<String> response =
        CLIENT.send(
            HttpRequest.newBuilder(uri("/health/ready"))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(response.headers().firstValue("Allow")).contains("GET, HEAD");
    assertThat(JSON.readTree(response.body()).get("type").asText())
        .isEqualTo("https://tdeveloper.dev/problems/method-not-allowed");
  }

  @Test
  void headAnswersTheStatusWithoutABody() throws Exception {
    DB.set(HealthStatus.DOWN);
    HttpResponse<String> response =
        CLIENT.send(
            HttpRequest.newBuilder(uri("/health/ready"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
    assertThat(response.body()).isEmpty();
  }

  @Test
  void theBuilderNeedsARegistryAndSetsEachSettingOnce() {
    assertThatThrownBy(() -> HealthServlet.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("registry is required");
    assertThatThrownBy(() -> HealthServlet.builder().showDetails(true).showDetails(false))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("showDetails was already set");
    assertThatThrownBy(() -> HealthServlet.builder().registry(registry).registry(registry))
        .isInstanceOf(IllegalStateException.class);
  }

  private static URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }
}
