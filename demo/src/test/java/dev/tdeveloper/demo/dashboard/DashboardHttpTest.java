package dev.tdeveloper.demo.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tdeveloper.demo.Json;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard's routes over real HTTP: the shell and its assets without the token and without
 * data, the data only with the token, and the document's shape and per-tenant traffic.
 */
class DashboardHttpTest {
  private static final Optional<String> OPERATOR = Optional.of(DashboardDemo.TOKEN);

  @TempDir static Path dir;
  private static DashboardDemo demo;

  @BeforeAll
  static void start() throws Exception {
    demo = new DashboardDemo(dir);
  }

  @AfterAll
  static void stop() {
    demo.close();
  }

  @Test
  void dataEndpointRefusesWithoutOrWithAWrongToken() throws Exception {
    HttpResponse<String> none = demo.get("/admin/dashboard/data", Optional.empty());
    HttpResponse<String> wrong = demo.get("/admin/dashboard/data", Optional.of("not-the-token"));

    assertThat(none.statusCode()).isEqualTo(401);
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(none.body() + wrong.body()).doesNotContain("acme").doesNotContain("\"plan\"");
  }

  @Test
  void shellAndAssetsAreServedWithoutTokenAndHoldNoData() throws Exception {
    HttpResponse<String> page = demo.get("/admin/dashboard", Optional.empty());
    HttpResponse<String> js = demo.get("/admin/dashboard/assets/dashboard.js", Optional.empty());
    HttpResponse<String> css = demo.get("/admin/dashboard/assets/dashboard.css", Optional.empty());

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> t.startsWith("text/html"));
    assertThat(page.headers().firstValue("Content-Security-Policy"))
        .contains(DashboardShellServlet.CONTENT_SECURITY_POLICY);
    assertThat(page.body()).contains("dashboard/assets/dashboard.js").contains("Ops dashboard");
    assertThat(js.statusCode()).isEqualTo(200);
    assertThat(js.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> t.startsWith("text/javascript"));
    assertThat(css.statusCode()).isEqualTo(200);
    for (String body : List.of(page.body(), js.body(), css.body())) {
      assertThat(body)
          .doesNotContain("acme")
          .doesNotContain("globex")
          .doesNotContain("initech")
          .doesNotContain("enterprise")
          .doesNotContain(DashboardDemo.TOKEN);
    }
  }

  @Test
  void onlyTheShellIsExemptFromTheOperatorToken() throws Exception {
    List<Integer> statuses = new ArrayList<>();
    for (String path :
        List.of(
            "/admin/dashboard/assets/../data",
            "/admin/dashboard/assets/%2e%2e/data",
            "/admin/dashboard/assets/..%2fdata",
            "/admin/dashboard/data;x=1",
            "/admin/dashboard/",
            "/admin/finops",
            "/admin/dashboard/assets")) {
      HttpResponse<String> response = demo.get(path, Optional.empty());
      statuses.add(response.statusCode());
      assertThat(response.body()).as(path).doesNotContain("acme").doesNotContain("\"tenants\"");
    }
    assertThat(statuses).allSatisfy(s -> assertThat(s).isIn(400, 401, 404));
    assertThat(demo.get("/admin/dashboard/assets/other.js", Optional.empty()).statusCode())
        .isEqualTo(404);
  }

  @Test
  void dataDocumentHasEverySectionAndTheShippedTenants() throws Exception {
    JsonNode data = data();

    assertThat(data.path("windowSeconds").asInt()).isEqualTo(TrafficCounter.WINDOW_SECONDS);
    assertThat(data.path("generatedAt").asText()).isEqualTo(demo.clock.instant().toString());
    List<String> tenants = new ArrayList<>();
    for (JsonNode t : data.path("tenants")) {
      tenants.add(t.path("id").asText() + "=" + t.path("plan").asText());
      assertThat(t.path("status").asText()).isEqualTo("ACTIVE");
      assertThat(t.path("traffic").path("requestsPerSecond").isNumber()).isTrue();
      assertThat(t.path("usage").has("api_requests")).isTrue();
    }
    assertThat(tenants).containsExactly("acme=pro", "globex=enterprise", "initech=free");
    assertThat(data.path("slos").isArray()).isTrue();
    assertThat(data.path("slos")).isEmpty();
    assertThat(data.path("alerts")).isEmpty();
    assertThat(data.path("incidents")).isEmpty();
    JsonNode shield = data.path("protection").path("shield");
    assertThat(shield.path("refused").path("total").asLong()).isZero();
    assertThat(shield.path("concurrency").path("limit").asInt()).isPositive();
    assertThat(data.path("cost").has("total")).isTrue();
    assertThat(data.path("backups").isArray()).isTrue();
    assertThat(data.path("audit").has("size")).isTrue();
  }

  @Test
  void trafficAndRateLimitsAreCountedPerTenant() throws Exception {
    // initech is on the free plan: a burst of 10 on a frozen clock, then 429.
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 13; i++) {
      statuses.add(demo.tenantRequest("initech"));
    }
    assertThat(statuses).filteredOn(s -> s == 429).hasSize(3);
    assertThat(demo.tenantRequest("globex")).isEqualTo(200);

    JsonNode byId = tenantsById(data());
    JsonNode initech = byId.path("initech").path("traffic");
    assertThat(initech.path("requests").asLong()).isEqualTo(13);
    assertThat(initech.path("rateLimited").asLong()).isEqualTo(3);
    assertThat(initech.path("serverErrors").asLong()).isZero();
    assertThat(byId.path("globex").path("traffic").path("requests").asLong()).isEqualTo(1);
    assertThat(byId.path("globex").path("traffic").path("rateLimited").asLong()).isZero();
    assertThat(byId.path("acme").path("traffic").path("requests").asLong()).isZero();
    assertThat(byId.path("initech").path("usage").path("api_requests").path("value").asLong())
        .isEqualTo(10);
  }

  private static JsonNode data() throws Exception {
    HttpResponse<String> response = demo.get("/admin/dashboard/data", OPERATOR);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
    return Json.MAPPER.readTree(response.body());
  }

  private static JsonNode tenantsById(JsonNode data) {
    var byId = Json.MAPPER.createObjectNode();
    data.path("tenants").forEach(t -> byId.set(t.path("id").asText(), t));
    return byId;
  }
}
