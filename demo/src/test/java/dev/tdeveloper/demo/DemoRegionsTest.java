package dev.tdeveloper.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tdeveloper.distribution.region.RegionConfigLoader;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.config.ConfigException;
import dev.tdeveloper.tenancy.context.TenantContext;
import dev.tdeveloper.tenancy.registry.InMemoryTenantRegistry;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo's regions over HTTP: residency on the notes, routing answers, failover, lag. */
class DemoRegionsTest {
  private static final String TOKEN = "operator-t0ken-for-tests";

  @TempDir Path dir;
  private final ManualClock clock = new ManualClock(Instant.parse("2025-03-01T10:00:00Z"));
  private final HttpClient http = HttpClient.newHttpClient();
  private DemoApp app;

  @AfterEach
  void stop() {
    if (app != null) {
      app.close();
    }
  }

  private void start() throws Exception {
    app = DemoTestApps.start(dir, TOKEN, clock, clock);
  }

  private HttpResponse<String> postNote(String tenant, Optional<String> region) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/notes"))
            .header("X-Tenant-Id", tenant)
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"quarterly plan\"}"));
    region.ifPresent(r -> b.header("X-Region", r));
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> operator(String method, String path) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
            .header("Authorization", "Bearer " + TOKEN)
            .method(method, HttpRequest.BodyPublishers.noBody())
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private JsonNode json(String path) throws Exception {
    HttpResponse<String> r = operator("GET", path);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return Json.MAPPER.readTree(r.body());
  }

  private String routedRegion(String query) throws Exception {
    return json("/ops/route?" + query).path("answers").get(0).path("region").asText();
  }

  @Test
  void anEuTenantsNoteIsRefusedInAUsRegionAndNotCharged() throws Exception {
    start();
    HttpResponse<String> refused = postNote("acme", Optional.of("us-east-1"));
    assertThat(refused.statusCode()).isEqualTo(451);
    assertThat(refused.body())
        .contains("residency")
        .contains("acme")
        .contains("us-east-1")
        .contains("eu-only");
    assertThat(TenantContext.call(TenantId.of("acme"), () -> app.services().notes.count()))
        .isZero();
    assertThat(json("/ops/regions").path("events").toString()).contains("residency");

    HttpResponse<String> stored = postNote("acme", Optional.of("eu-central-1"));
    assertThat(stored.statusCode()).as(stored.body()).isEqualTo(201);
    assertThat(stored.headers().firstValue("X-Served-By-Region")).contains("eu-central-1");
  }

  @Test
  void notesGoToTheHomeRegionAndReplicateOnlyWhereResidencyAllows() throws Exception {
    start();
    HttpResponse<String> acme = postNote("acme", Optional.empty());
    HttpResponse<String> globex = postNote("globex", Optional.empty());
    assertThat(acme.statusCode()).as(acme.body()).isEqualTo(201);
    assertThat(globex.statusCode()).as(globex.body()).isEqualTo(201);
    assertThat(acme.headers().firstValue("X-Served-By-Region")).contains("eu-west-1");
    assertThat(globex.headers().firstValue("X-Served-By-Region")).contains("us-east-1");

    app.services().regions.replicas.applyPending();

    JsonNode replicas = json("/ops/regions").path("replicas");
    assertThat(replicas.path("eu-west-1").path("acme").asInt()).isEqualTo(1);
    assertThat(replicas.path("eu-central-1").path("acme").asInt()).isEqualTo(1);
    assertThat(replicas.path("us-west-2").path("globex").asInt())
        .as(replicas.toString())
        .isEqualTo(1);
    for (String outside : new String[] {"us-east-1", "us-west-2", "ap-northeast-1"}) {
      assertThat(replicas.path(outside).has("acme")).as(outside).isFalse();
    }
    for (String outside : new String[] {"eu-west-1", "eu-central-1", "ap-northeast-1"}) {
      assertThat(replicas.path(outside).has("globex")).as(outside).isFalse();
    }
    JsonNode report = json("/ops/residency");
    assertThat(report.toString()).contains("acme").contains("eu-central-1").contains("globex");
    assertThat(report.path("compliant").asBoolean()).as(report.toString()).isTrue();
    assertThat(operator("GET", "/ops/residency?format=text").body()).contains("eu-only");
  }

  @Test
  void markingARegionDownFailsRoutingOverAndReleasingItFailsBack() throws Exception {
    start();
    String storage = "tenant=acme&purpose=storage";
    assertThat(routedRegion(storage)).isEqualTo("eu-west-1");
    assertThat(routedRegion("policy=eu-dr")).isEqualTo("eu-west-1");

    assertThat(operator("POST", "/admin/regions/eu-west-1/down").statusCode()).isEqualTo(200);

    JsonNode failedOver = json("/ops/route?" + storage);
    assertThat(failedOver.path("answers").get(0).path("region").asText()).isEqualTo("eu-central-1");
    assertThat(failedOver.path("reasons").toString()).contains("eu-west-1");
    assertThat(routedRegion("policy=eu-dr")).isEqualTo("eu-central-1");
    assertThat(postNote("acme", Optional.empty()).headers().firstValue("X-Served-By-Region"))
        .contains("eu-central-1");
    assertThat(json("/ops/regions").path("events").toString()).contains("RegionFailedOver");

    assertThat(operator("POST", "/admin/regions/eu-west-1/release").statusCode()).isEqualTo(200);
    assertThat(routedRegion(storage)).isEqualTo("eu-west-1");
  }

  @Test
  void aRegionThatIsDownFallsBehindUntilItsStalenessSloIsBreachedThenCatchesUp() throws Exception {
    start();
    operator("POST", "/admin/regions/eu-central-1/down");
    assertThat(postNote("acme", Optional.empty()).statusCode()).isEqualTo(201);
    app.services().regions.replicas.applyPending();
    clock.advance(Duration.ofSeconds(31));
    app.services().regions.replicas.applyPending();

    JsonNode behind = lagOf("acme", "eu-west-1", "eu-central-1");
    assertThat(behind.path("operations").asInt()).isEqualTo(1);
    assertThat(behind.path("breached").asBoolean()).as(behind.toString()).isTrue();

    operator("POST", "/admin/regions/eu-central-1/release");
    app.services().regions.replicas.applyPending();
    JsonNode caughtUp = lagOf("acme", "eu-west-1", "eu-central-1");
    assertThat(caughtUp.path("operations").asInt()).isZero();
    assertThat(caughtUp.path("breached").asBoolean()).isFalse();
    assertThat(json("/ops/regions").path("replicas").path("eu-central-1").path("acme").asInt())
        .isEqualTo(1);
  }

  private JsonNode lagOf(String tenant, String from, String to) throws Exception {
    for (JsonNode row : json("/ops/regions").path("tenantLag")) {
      if (row.path("tenant").asText().equals(tenant)
          && row.path("from").asText().equals(from)
          && row.path("to").asText().equals(to)) {
        return row;
      }
    }
    throw new AssertionError("no lag row for " + tenant + " " + from + " -> " + to);
  }

  @Test
  void aRegionsSettingsSitBetweenThePlanAndTheTenant() throws Exception {
    start();
    JsonNode settings = json("/ops/regions?tenant=acme").path("settings");
    JsonNode frankfurt = settings.path("eu-central-1").path("ratelimit.requests-per-second");
    assertThat(frankfurt.path("value").asText()).isEqualTo("40");
    assertThat(frankfurt.path("layer").asText()).isEqualTo("REGION");
    JsonNode ireland = settings.path("eu-west-1").path("ratelimit.requests-per-second");
    assertThat(ireland.path("value").asText()).isEqualTo("50");
    assertThat(ireland.path("layer").asText()).isEqualTo("PLAN");
  }

  @Test
  void badRoutingRequestsAndRegionsAreClearErrors() throws Exception {
    start();
    HttpResponse<String> continent = operator("GET", "/ops/route?continent=XX");
    assertThat(continent.statusCode()).isEqualTo(400);
    assertThat(continent.body()).contains("continent 'XX'").contains("allowed");
    HttpResponse<String> policy = operator("GET", "/ops/route?policy=cheapest");
    assertThat(policy.statusCode()).isEqualTo(400);
    assertThat(policy.body()).contains("cheapest").contains("nearest");
    assertThat(operator("POST", "/admin/regions/mars-1/down").statusCode()).isEqualTo(404);
    HttpResponse<String> unknown = postNote("acme", Optional.of("mars-1"));
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.body()).contains("X-Region").contains("eu-west-1");
    assertThat(operator("GET", "/ops/regions").statusCode()).isEqualTo(200);
    assertThat(
            HttpClient.newHttpClient()
                .send(
                    HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + app.port() + "/ops/regions"))
                        .build(),
                    HttpResponse.BodyHandlers.ofString())
                .statusCode())
        .isEqualTo(401);
  }

  @Test
  void opsListsTheFiveRegionsWithTheirHealthBeforeAndAfterTheFirstProbe() throws Exception {
    DemoRegions unprobed =
        new DemoRegions(
            RegionConfigLoader.load(Path.of("src/main/resources/config/production/regions.yaml")),
            dir,
            clock,
            new InMemoryTenantRegistry(),
            () -> true,
            event -> {});
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> before =
        (List<Map<String, Object>>) RegionsServlet.status(unprobed).get("regions");
    assertThat(before).hasSize(5);
    assertThat(before.get(0))
        .containsEntry("state", "NOT_YET_CHECKED")
        .containsEntry("healthy", true);
    unprobed.probe();
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> after =
        (List<Map<String, Object>>) RegionsServlet.status(unprobed).get("regions");
    assertThat(after.get(0))
        .containsEntry("state", "HEALTHY")
        .containsEntry("vantagePoints", "3/3 healthy");

    start();
    JsonNode regions = json("/ops").path("regions").path("regions");
    assertThat(regions).hasSize(5);
    assertThat(regions.get(0).path("healthy").asBoolean()).isTrue();
  }

  @Test
  void aBadRegionsFileFailsTheStartWithItsLocation() throws Exception {
    Files.copy(DemoAppTest.SHIPPED, dir.resolve("tenants.yaml"));
    Files.writeString(
        dir.resolve("regions.yaml"),
        "regions:\n  eu-west-1:\n    country: IE\n    continent: EU\n"
            + "    location: {latitude: 53.3, longitude: -6.2}\n    zones: [a]\n"
            + "    endpoints: [{id: api, uri: \"https://x.example\"}]\n"
            + "routing:\n  policies:\n    dr: {type: failover, primary: eu-west-1, secondary: us-east-9}\n");
    assertThatThrownBy(() -> start())
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("regions.yaml:10:")
        .hasMessageContaining("us-east-9");
  }
}
