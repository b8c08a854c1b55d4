package dev.tdeveloper.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The autoscaler loop over the demo's own request rate: real requests are counted, the controller
 * is driven with {@code runOnce()} on a manual clock (the background loop runs only every 15 s of
 * real time), and the decision shows in {@code /ops/scaling} and {@code /ops}.
 */
class DemoScalingTest {
  private static final String TOKEN = "operator-t0ken-for-tests";

  @TempDir Path dir;
  private final ManualClock clock = new ManualClock(Instant.parse("2025-03-01T10:00:00Z"));
  private final HttpClient http = HttpClient.newHttpClient();
  private DemoApp app;

  @BeforeEach
  void start() throws Exception {
    app = DemoTestApps.start(dir, TOKEN, clock, clock);
  }

  @AfterEach
  void stop() {
    app.close();
  }

  private HttpResponse<String> get(String path, boolean token) throws Exception {
    return DemoTestApps.get(http, app, path, token ? Optional.of(TOKEN) : Optional.empty());
  }

  private void burst(int requests) throws Exception {
    for (int i = 0; i < requests; i++) {
      assertThat(get("/health", false).statusCode()).isEqualTo(200);
    }
  }

  private JsonNode scaling() throws Exception {
    HttpResponse<String> response = get("/ops/scaling", true);
    assertThat(response.statusCode()).isEqualTo(200);
    return Json.MAPPER.readTree(response.body());
  }

  private static List<String> rules(JsonNode status) {
    List<String> rules = new ArrayList<>();
    status.path("lastDecision").path("reasons").forEach(r -> rules.add(r.path("rule").asText()));
    return rules;
  }

  @Test
  void requestsDriveTheSimulatedClusterUpAndOpsShowsWhy() throws Exception {
    burst(60);
    clock.advance(Duration.ofSeconds(1));
    app.services().scaling.runOnce();

    JsonNode status = scaling();
    assertThat(status.path("workload").asText()).isEqualTo(DemoScaling.WORKLOAD);
    assertThat(status.path("autoscaler").asText()).isEqualTo("predictive");
    double offered = status.path("measuredRequestsPerSecond").asDouble();
    assertThat(offered).isGreaterThanOrEqualTo(60);
    // The offered load, not what 1 replica serves (at most 20 req/s, which would ask for 2):
    // 60+ req/s / 14 per replica -> 5 or more in one decision, the new ones starting.
    int desired = (int) Math.ceil(offered / 14);
    assertThat(desired).isBetween(5, 10);
    assertThat(status.path("replicas").path("desired").asInt()).isEqualTo(desired);
    assertThat(status.path("replicas").path("current").asInt()).isEqualTo(desired);
    assertThat(status.path("replicas").path("ready").asInt()).isEqualTo(1);
    assertThat(status.path("lastDecision").path("desired").asInt()).isEqualTo(desired);
    assertThat(rules(status))
        .contains("predictive.insufficient-history", "predictive.reactive", "hpa.metric");
    assertThat(status.path("predictive").path("forecastAvailable").asBoolean()).isFalse();
    assertThat(status.path("alerts").isArray()).isTrue();

    clock.advance(app.services().scaling.startup());
    app.services().scaling.runOnce();
    JsonNode calm = scaling();
    assertThat(calm.path("replicas").path("ready").asInt())
        .as("the new replicas are ready after their startup time")
        .isEqualTo(desired);
    assertThat(calm.path("replicas").path("desired").asInt())
        .as("the load fell, but the 300 s scale-down stabilization holds the count")
        .isEqualTo(desired);
    assertThat(rules(calm)).contains("hpa.stabilization.down");

    burst(130);
    clock.advance(Duration.ofSeconds(1));
    app.services().scaling.runOnce();
    JsonNode busier = scaling();
    int more =
        (int) Math.min(10, Math.ceil(busier.path("measuredRequestsPerSecond").asDouble() / 14));
    assertThat(more).isGreaterThan(desired);
    assertThat(busier.path("replicas").path("desired").asInt()).isEqualTo(more);

    JsonNode ops = Json.MAPPER.readTree(get("/ops", true).body());
    assertThat(ops.path("scaling").path("replicas").path("desired").asInt()).isEqualTo(more);
    assertThat(rules(ops.path("scaling"))).contains("hpa.metric");
  }

  @Test
  void scalingStatusNeedsTheOperatorToken() throws Exception {
    HttpResponse<String> anonymous = get("/ops/scaling", false);
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.body()).doesNotContain("replicas", "lastDecision");
    HttpRequest wrong =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/ops/scaling"))
            .header("Accept", "*/*")
            .header("Authorization", "Bearer not-the-operator-token")
            .build();
    assertThat(http.send(wrong, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
    assertThat(get("/ops/scaling", true).statusCode()).isEqualTo(200);
  }

  @Test
  void anIdleDemoStaysAtTheMinimumWithoutAlerts() throws Exception {
    clock.advance(Duration.ofSeconds(15));
    app.services().scaling.runOnce();
    JsonNode status = scaling();
    assertThat(status.path("replicas").path("desired").asInt())
        .isEqualTo(app.services().scaling.bounds().min());
    assertThat(status.path("lastDecision").path("direction").asText()).isEqualTo("NONE");
    assertThat(status.path("alerts")).isEmpty();
  }
}
