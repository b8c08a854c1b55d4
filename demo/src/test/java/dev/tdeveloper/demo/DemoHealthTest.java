package dev.tdeveloper.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The probes: {@code /health/live}, {@code /health/ready} and {@code /health/started} answer 200 or
 * 503 with the status alone; operators see every check under {@code /ops/health/}. Results are
 * cached for a second of the manual clock, which the tests move past.
 */
class DemoHealthTest {
  private static final String TOKEN = "operator-t0ken-for-tests";

  @TempDir Path dir;
  private final ManualClock clock = new ManualClock(Instant.parse("2025-03-01T10:00:00Z"));
  private final HttpClient http = HttpClient.newHttpClient();
  private DemoApp app;

  private void start(long minFreeDiskBytes) throws Exception {
    app =
        DemoTestApps.start(
            dir, TOKEN, clock, clock, options -> options.withMinFreeDiskBytes(minFreeDiskBytes));
  }

  @AfterEach
  void stop() {
    if (app != null) {
      app.close();
    }
  }

  private HttpResponse<String> get(String path, boolean token) throws Exception {
    return DemoTestApps.get(http, app, path, token ? Optional.of(TOKEN) : Optional.empty());
  }

  @Test
  void probesAnswerUpWithTheStatusAloneWhenAllIsWell() throws Exception {
    start(0);
    for (String probe : List.of("/health/live", "/health/ready", "/health/started", "/health")) {
      HttpResponse<String> response = get(probe, false);
      assertThat(response.statusCode()).as(probe).isEqualTo(200);
      assertThat(response.body()).as(probe).isEqualTo("{\"status\":\"UP\"}");
      assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
    }
    assertThat(get("/health/nothing", false).statusCode()).isEqualTo(404);
  }

  @Test
  void operatorsSeeEveryReadinessCheckWithItsDetails() throws Exception {
    start(0);
    assertThat(get("/ops/health/ready", false).statusCode()).isEqualTo(401);
    HttpResponse<String> ready = get("/ops/health/ready", true);
    assertThat(ready.statusCode()).isEqualTo(200);
    JsonNode components = Json.MAPPER.readTree(ready.body()).path("components");
    assertThat(components.fieldNames())
        .toIterable()
        .containsExactly(DemoHealth.AUDIT, DemoHealth.DISK, DemoHealth.TENANTS, DemoHealth.BACKUPS);
    assertThat(components.path(DemoHealth.TENANTS).path("details").path("registered").asInt())
        .isEqualTo(components.path(DemoHealth.TENANTS).path("details").path("listed").asInt())
        .isPositive();
    assertThat(components.path(DemoHealth.AUDIT).path("status").asText()).isEqualTo("UP");
    JsonNode live = Json.MAPPER.readTree(get("/ops/health/live", true).body());
    assertThat(live.path("components").path(DemoHealth.DEADLOCKS).path("status").asText())
        .isEqualTo("UP");
  }

  @Test
  void notReadyWhenTheDataDirectoryHasLessFreeSpaceThanRequired() throws Exception {
    start(Long.MAX_VALUE);
    HttpResponse<String> ready = get("/health/ready", false);
    assertThat(ready.statusCode()).isEqualTo(503);
    assertThat(ready.body()).isEqualTo("{\"status\":\"DOWN\"}");
    assertThat(get("/health/live", false).statusCode())
        .as("a full disk is no reason to restart")
        .isEqualTo(200);
    JsonNode details = Json.MAPPER.readTree(get("/ops/health/ready", true).body());
    assertThat(details.path("components").path(DemoHealth.DISK).path("details").path("error"))
        .asString()
        .contains("is below the minimum " + Long.MAX_VALUE + " bytes");
  }

  @Test
  void notReadyOnceTheAuditLogRefusesEvents() throws Exception {
    start(0);
    assertThat(get("/health/ready", false).statusCode()).isEqualTo(200);

    app.services().audit.log.logger().close(); // the log now refuses every event
    clock.advance(Duration.ofSeconds(2)); // past the checks' cache TTL

    HttpResponse<String> ready = get("/health/ready", false);
    assertThat(ready.statusCode()).isEqualTo(503);
    JsonNode audit =
        Json.MAPPER
            .readTree(get("/ops/health/ready", true).body())
            .path("components")
            .path(DemoHealth.AUDIT);
    assertThat(audit.path("status").asText()).isEqualTo("DOWN");
    assertThat(audit.path("details").path("error").asText()).isEqualTo("audit log closed");
    assertThat(get("/health/live", false).statusCode()).isEqualTo(200);
  }
}
