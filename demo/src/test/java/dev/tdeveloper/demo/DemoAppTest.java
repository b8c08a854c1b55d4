package dev.tdeveloper.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.tenancy.time.Ticker;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo service end to end, over real HTTP on embedded Jetty. Rate limits, bans and latencies
 * run on a ticker the tests move by hand, so limits never depend on how fast the machine is.
 */
class DemoAppTest {
  static final Path SHIPPED = Path.of("src/main/resources/config/production/tenants.yaml");

  private static final String TOKEN = "operator-t0ken-for-tests";

  @TempDir Path dir;
  private Path config;
  private DemoApp app;
  private final HttpClient http = HttpClient.newHttpClient();
  private final AtomicLong nanos = new AtomicLong();
  private final Ticker ticker = nanos::get;

  @BeforeEach
  void start() throws Exception {
    config = dir.resolve("tenants.yaml");
    Files.copy(SHIPPED, config);
    app = startApp();
  }

  private DemoApp startApp() throws Exception {
    DemoOptions options =
        new DemoOptions(0, config, dir.resolve("data"), List.of("localhost"), Optional.of(TOKEN));
    return DemoApp.start(options, InstantSource.system(), ticker);
  }

  @AfterEach
  void stop() {
    app.close();
  }

  private HttpResponse<String> call(String method, String path, String tenant, String body)
      throws IOException, InterruptedException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
            .header("Accept", "*/*")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      // A body says what it is: the WAF (CRS 920340) scores one that does not.
      b.header("Content-Type", "text/plain; charset=utf-8");
    }
    if (tenant != null) {
      b.header("X-Tenant-Id", tenant);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> operatorGet(String path) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
            .header("Accept", "*/*")
            .header("Authorization", "Bearer " + TOKEN)
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void opsViewNeedsTheOperatorTokenAndHealthRevealsNothing() throws Exception {
    HttpResponse<String> anonymous = call("GET", "/ops", null, null);
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.headers().firstValue("WWW-Authenticate"))
        .hasValue("Bearer realm=\"operator\"");
    assertThat(anonymous.body()).doesNotContain("acme", "globex", "tenants.yaml", "plan");
    assertThat(call("GET", "/ops/", "acme", null).statusCode()).isEqualTo(401);
    HttpRequest wrong =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/ops"))
            .header("Accept", "*/*")
            .header("Authorization", "Bearer not-the-operator-token")
            .build();
    assertThat(http.send(wrong, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);

    HttpResponse<String> ops = operatorGet("/ops");
    assertThat(ops.statusCode()).isEqualTo(200);
    assertThat(ops.body()).contains("\"id\":\"acme\"", "\"plans\"");

    HttpResponse<String> health = call("GET", "/health", null, null);
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).isEqualTo("{\"status\":\"UP\"}");
  }

  @Test
  void refusesTwoTenantHeadersNamingDifferentTenants() throws Exception {
    HttpRequest twoHeaders =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/notes"))
            .header("Accept", "*/*")
            .header("X-Tenant-Id", "globex")
            .header("X-Tenant-Id", "acme")
            .build();

    HttpResponse<String> response = http.send(twoHeaders, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("invalid-tenant", "repeated with different tenants");
  }

  @Test
  void oneTenantNeverSeesOrDeletesAnotherTenantsNotes() throws Exception {
    HttpResponse<String> created = call("POST", "/notes", "acme", "{\"text\":\"acme secret\"}");
    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(created.body()).contains("\"id\":1");

    assertThat(call("GET", "/notes", "globex", null).body()).contains("\"count\":0");
    assertThat(call("GET", "/notes/1", "globex", null).statusCode()).isEqualTo(404);
    assertThat(call("DELETE", "/notes/1", "globex", null).statusCode()).isEqualTo(404);
    assertThat(call("GET", "/notes/1", "acme", null).body()).contains("acme secret");
  }

  @Test
  void answersUnknownAndMissingTenantsWithProblems() throws Exception {
    HttpResponse<String> unknown = call("GET", "/notes", "nobody", null);
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(call("GET", "/notes", null, null).statusCode()).isEqualTo(400);
    // A path traversal in the tenant header never reaches the tenant filter: the WAF, ahead of
    // it, refuses it (CRS 930100/930110 on REQUEST_HEADERS).
    assertThat(call("GET", "/notes", "../acme", null).statusCode()).isEqualTo(403);
    assertThat(call("GET", "/notes", "acme!", null).statusCode()).isEqualTo(400);
    assertThat(call("POST", "/notes", "acme", "{\"text\":").statusCode()).isEqualTo(400);
    assertThat(call("GET", "/health", null, null).body()).contains("UP");
  }

  @Test
  void freePlanNotesQuotaIsEnforcedPerTenant() throws Exception {
    for (int i = 0; i < 100; i++) {
      nanos.addAndGet(Duration.ofMillis(200).toNanos()); // initech's plan allows 5 requests/s
      assertThat(call("POST", "/notes", "initech", "{\"text\":\"n" + i + "\"}").statusCode())
          .isEqualTo(201);
    }
    HttpResponse<String> denied = call("POST", "/notes", "initech", "{\"text\":\"one more\"}");
    assertThat(denied.statusCode()).isEqualTo(429);
    assertThat(denied.body()).contains("quota-exceeded");
    assertThat(denied.headers().firstValue("Retry-After")).isPresent();
    assertThat(call("POST", "/notes", "acme", "{\"text\":\"still fine\"}").statusCode())
        .isEqualTo(201);
  }

  @Test
  void meteredUsageSurvivesARestart() throws Exception {
    for (int i = 0; i < 5; i++) {
      call("GET", "/notes", "globex", null);
    }
    app.close();
    app = startApp();
    HttpResponse<String> usage = call("GET", "/usage", "globex", null);
    assertThat(usage.body()).contains("\"api_requests\":[{").containsPattern("\"value\":6\\b");
  }

  @Test
  void operatorsSuspendTenantsOnlyWithTheToken() throws Exception {
    HttpRequest noToken =
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + app.port() + "/admin/tenants/acme/suspend"))
            .POST(HttpRequest.BodyPublishers.noBody())
            .build();
    assertThat(http.send(noToken, HttpResponse.BodyHandlers.ofString()).statusCode())
        .isEqualTo(401);
    HttpRequest suspend =
        HttpRequest.newBuilder(noToken.uri())
            .header("Authorization", "Bearer " + TOKEN)
            .POST(HttpRequest.BodyPublishers.noBody())
            .build();
    assertThat(http.send(suspend, HttpResponse.BodyHandlers.ofString()).body())
        .contains("SUSPENDED");
    assertThat(call("GET", "/notes", "acme", null).statusCode()).isEqualTo(403);
    assertThat(call("GET", "/notes", "globex", null).statusCode()).isEqualTo(200);
  }

  @Test
  void tenantsAddedToTenantsYamlAreProvisionedOnReload() throws Exception {
    assertThat(call("GET", "/notes", "hooli", null).statusCode()).isEqualTo(404);
    Files.writeString(
        config, Files.readString(config) + "  hooli:\n    plan: pro\n    displayName: Hooli\n");
    app.reloadConfigNow();
    assertThat(call("POST", "/notes", "hooli", "{\"text\":\"hi\"}").statusCode()).isEqualTo(201);
    assertThat(operatorGet("/ops").body()).contains("\"id\":\"hooli\"");
  }
}
