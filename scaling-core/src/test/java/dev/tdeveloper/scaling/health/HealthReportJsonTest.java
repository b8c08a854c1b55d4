package dev.tdeveloper.scaling.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HealthReportJsonTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void reportHasActuatorShapeWithDurationsAndErrorsInDetails() throws Exception {
    HealthReport report =
        new HealthReport(
            "readiness",
            HealthStatus.UP,
            Map.of(
                "db",
                new HealthReport.Component(
                    HealthStatus.UP,
                    Map.of("pending", 3),
                    Optional.empty(),
                    Duration.ofMillis(12),
                    Criticality.CRITICAL)),
            List.of(),
            false);
    assertThat(report.toJson())
        .isEqualTo(
            "{\"status\":\"UP\",\"components\":{\"db\":{\"status\":\"UP\","
                + "\"details\":{\"pending\":3},\"durationMillis\":12}}}");
  }

  @Test
  void degradedChecksAndTheStartupLatchAppearAsGroupDetails() throws Exception {
    HealthReport report =
        new HealthReport(
            "readiness",
            HealthStatus.UP,
            Map.of(
                "cache",
                new HealthReport.Component(
                    HealthStatus.DOWN,
                    Map.of(),
                    Optional.of("java.net.ConnectException: refused"),
                    Duration.ZERO,
                    Criticality.NON_CRITICAL)),
            List.of("cache"),
            false);
    JsonNode json = JSON.readTree(report.toJson());
    assertThat(json.at("/details/degraded/0").asText()).isEqualTo("cache");
    assertThat(json.at("/components/cache/status").asText()).isEqualTo("DOWN");
    assertThat(json.at("/components/cache/details/error").asText())
        .isEqualTo("java.net.ConnectException: refused");
    HealthReport latched = new HealthReport("startup", HealthStatus.UP, Map.of(), List.of(), true);
    assertThat(latched.toJson())
        .isEqualTo("{\"status\":\"UP\",\"details\":{\"startupLatched\":true},\"components\":{}}");
  }

  @Test
  void statusJsonShowsNothingButTheStatus() {
    HealthReport report =
        new HealthReport(
            "liveness",
            HealthStatus.DOWN,
            Map.of(
                "db",
                new HealthReport.Component(
                    HealthStatus.DOWN,
                    Map.of("host", "10.0.0.7"),
                    Optional.of("secret detail"),
                    Duration.ZERO,
                    Criticality.CRITICAL)),
            List.of(),
            false);
    assertThat(report.toStatusJson()).isEqualTo("{\"status\":\"DOWN\"}");
  }
}
