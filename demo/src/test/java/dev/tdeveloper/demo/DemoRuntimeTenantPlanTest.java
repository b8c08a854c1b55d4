package dev.tdeveloper.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tdeveloper.security.waf.EngineMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tenants created through {@code POST /admin/tenants} get their plan's rate limits, quotas and WAF
 * policy. Regression (found by the load harness): a tenant created on {@code enterprise} was rate
 * limited at the {@code free} plan's 5 requests a second, since the limits were looked up by the
 * file's default plan for any tenant the file does not list. The ticker stands still, so no permit
 * comes back during a test.
 */
class DemoRuntimeTenantPlanTest {
  private static final String TOKEN = "operator-t0ken-for-plan-tests";

  @TempDir Path dir;
  private DemoApp app;
  private final HttpClient http = HttpClient.newHttpClient();
  private final AtomicLong nanos = new AtomicLong();

  @BeforeEach
  void start() throws Exception {
    // The shipped file, with the enterprise plan inspecting at paranoia level 2.
    String shipped = Files.readString(DemoAppTest.SHIPPED);
    String enterprise = "      cache: { max-entries: 100000 }\n";
    assertThat(shipped).contains(enterprise);
    Files.writeString(
        dir.resolve("tenants.yaml"),
        shipped.replace(enterprise, enterprise + "      waf: { paranoia-level: 2 }\n"));
    Path noCrs = dir.resolve("no-crs");
    app =
        DemoTestApps.start(
            dir,
            TOKEN,
            InstantSource.system(),
            nanos::get,
            o -> o.withWaf(new DemoWafOptions(EngineMode.ON, noCrs, noCrs)));
  }

  @AfterEach
  void stop() {
    app.close();
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
        .header("Accept", "*/*");
  }

  private HttpResponse<String> createTenant(String json) throws Exception {
    return send(
        request("/admin/tenants")
            .header("Authorization", "Bearer " + TOKEN)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  private HttpResponse<String> get(String path, String tenant) throws Exception {
    return send(request(path).header("X-Tenant-Id", tenant));
  }

  private HttpResponse<String> postNote(String tenant, String json) throws Exception {
    return send(
        request("/notes")
            .header("X-Tenant-Id", tenant)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  private JsonNode usage(String tenant) throws Exception {
    HttpResponse<String> response = get("/usage", tenant);
    assertThat(response.statusCode()).isEqualTo(200);
    return Json.MAPPER.readTree(response.body());
  }

  @Test
  void anEnterpriseTenantCreatedAtRunTimeGetsEnterpriseLimitsAndAFreeOneFreeLimits()
      throws Exception {
    assertThat(createTenant("{\"id\": \"bigco\", \"plan\": \"enterprise\"}").statusCode())
        .isEqualTo(201);
    assertThat(createTenant("{\"id\": \"smallco\", \"plan\": \"free\"}").statusCode())
        .isEqualTo(201);

    HttpResponse<String> first = get("/notes", "bigco");
    assertThat(first.headers().firstValue("RateLimit-Policy")).hasValue("500;w=1;burst=1000");
    for (int i = 2; i <= 30; i++) {
      assertThat(get("/notes", "bigco").statusCode()).as("enterprise request %d", i).isEqualTo(200);
    }

    for (int i = 1; i <= 10; i++) {
      HttpResponse<String> ok = get("/notes", "smallco");
      assertThat(ok.statusCode()).as("free request %d", i).isEqualTo(200);
      assertThat(ok.headers().firstValue("RateLimit-Policy")).hasValue("5;w=1;burst=10");
    }
    assertThat(get("/notes", "smallco").statusCode()).isEqualTo(429);
    assertThat(get("/notes", "bigco").statusCode()).isEqualTo(200);
  }

  @Test
  void aTenantCreatedAtRunTimeGetsItsPlansQuotaAndWafPolicy() throws Exception {
    createTenant("{\"id\": \"bigco\", \"plan\": \"enterprise\"}");
    createTenant("{\"id\": \"smallco\"}"); // the default plan, free

    JsonNode big = usage("bigco");
    assertThat(big.path("plan").asText()).isEqualTo("enterprise");
    assertThat(big.path("quotas").path("notes").path("limit").asLong()).isEqualTo(1_000_000);
    JsonNode small = usage("smallco");
    assertThat(small.path("plan").asText()).isEqualTo("free");
    assertThat(small.path("quotas").path("notes").path("limit").asLong()).isEqualTo(100);

    String markup = "{\"text\": \"<b>Quarterly</b> numbers are in\"}";
    assertThat(postNote("bigco", markup).statusCode()).as("paranoia level 2").isEqualTo(403);
    assertThat(postNote("smallco", markup).statusCode()).as("paranoia level 1").isEqualTo(201);
  }

  @Test
  void aReloadDroppingARegisteredTenantsPlanIsRefusedAndItsLimitsStay() throws Exception {
    createTenant("{\"id\": \"bigco\", \"plan\": \"enterprise\"}");
    Path config = dir.resolve("tenants.yaml");
    String text = Files.readString(config);
    int start = text.indexOf("  enterprise:\n");
    int end = text.indexOf("\ntenants:");
    String withoutEnterprise =
        text.substring(0, start) + text.substring(end).replace("plan: enterprise", "plan: pro");
    Files.writeString(config, withoutEnterprise);

    app.reloadConfigNow();

    HttpResponse<String> ops = send(request("/ops").header("Authorization", "Bearer " + TOKEN));
    assertThat(ops.body())
        .contains("no longer declares plan 'enterprise' of registered tenant 'bigco'");
    assertThat(get("/notes", "bigco").headers().firstValue("RateLimit-Policy"))
        .hasValue("500;w=1;burst=1000");
  }

  @Test
  void aPlanTheFileDoesNotDeclareIsRefusedAndCreatesNoTenant() throws Exception {
    HttpResponse<String> refused = createTenant("{\"id\": \"oddco\", \"plan\": \"platinum\"}");

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body())
        .contains("plan: 'platinum' is not a plan of tenants.yaml")
        .contains("allowed: [enterprise, free, pro]");
    assertThat(get("/notes", "oddco").statusCode()).isNotEqualTo(200);
    assertThat(createTenant("{\"id\": \"oddco\", \"plan\": \"pro\"}").statusCode())
        .as("no tenant was created: the id is still free")
        .isEqualTo(201);
    assertThat(get("/notes", "oddco").headers().firstValue("RateLimit-Policy"))
        .hasValue("50;w=1;burst=100");
  }
}
