package dev.tdeveloper.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.tenancy.config.ConfigException;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the demo's {@code scaling.yaml} comes from, and what a bad one does. */
class DemoScalingConfigTest {
  private static final String TOKEN = "operator-t0ken-for-tests";
  private static final Path SHIPPED = Path.of("src/main/resources/config/production/scaling.yaml");

  @TempDir Path dir;
  private final ManualClock clock = new ManualClock(Instant.parse("2025-03-01T10:00:00Z"));

  @Test
  void withoutAFileNextToTenantsYamlTheBundledOneIsExtractedAndUsed() throws Exception {
    try (DemoApp app = DemoTestApps.start(dir, TOKEN, clock, clock)) {
      Path extracted = dir.resolve("data").resolve("scaling.yaml");
      assertThat(extracted).hasSameTextualContentAs(SHIPPED);
      assertThat(app.services().scaling.bounds().max()).isEqualTo(10);
      assertThat(app.services().scaling.startup()).isEqualTo(Duration.ofSeconds(10));
    }
  }

  @Test
  void aScalingYamlNextToTenantsYamlWins() throws Exception {
    Files.writeString(
        dir.resolve("scaling.yaml"),
        Files.readString(SHIPPED)
            .replace("maxReplicas: 10", "maxReplicas: 4")
            .replace("startup: 10s", "startup: 20s"));
    try (DemoApp app = DemoTestApps.start(dir, TOKEN, clock, clock)) {
      assertThat(app.services().scaling.bounds().max()).isEqualTo(4);
      assertThat(app.services().scaling.startup()).isEqualTo(Duration.ofSeconds(20));
      assertThat(
              app.services().scaling.status().path("simulatedCluster").path("maxReplicas").asInt())
          .isEqualTo(4);
    }
  }

  @Test
  void aBadScalingYamlFailsTheStartNamingFileLineAndColumn() throws Exception {
    Path file = dir.resolve("scaling.yaml");
    Files.writeString(
        file,
        Files.readString(SHIPPED)
            .replace(
                "capacityPerReplica: 20\n  maxReplicas", "capacityPerReplica: -5\n  maxReplicas"));
    assertThatThrownBy(() -> DemoTestApps.start(dir, TOKEN, clock, clock))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(file + ":")
        .hasMessageContaining("simulation.capacityPerReplica")
        .hasMessageContaining("-5");
  }
}
