package dev.tdeveloper.scaling.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.scaling.autoscale.Autoscaler;
import dev.tdeveloper.scaling.autoscale.Metric;
import dev.tdeveloper.scaling.autoscale.ReplicaBounds;
import dev.tdeveloper.scaling.autoscale.ReplicaSample;
import dev.tdeveloper.scaling.autoscale.ScalingDecision;
import dev.tdeveloper.scaling.autoscale.ScalingInput;
import dev.tdeveloper.tenancy.config.ConfigException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScalingConfigLoaderTest {
  /** A Wednesday, 04:00 in Paris: outside the business-hours window. */
  static final Instant NIGHT = Instant.parse("2025-01-01T03:00:00Z");

  /** 11:00 in Paris: inside it. */
  static final Instant DAY = Instant.parse("2025-01-01T10:00:00Z");

  static ScalingConfig example() {
    try {
      Path path =
          Path.of(
              Objects.requireNonNull(
                      ScalingConfigLoaderTest.class.getResource("/config/scaling.yaml"))
                  .toURI());
      return ScalingConfigLoader.load(path);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static ScalingInput webInput(Instant t, int replicas, double utilization, double rps) {
    return webReplicas(t, replicas, utilization, rps).build();
  }

  /** Ready replicas that all report the same utilization and requests per second. */
  static ScalingInput.Builder webReplicas(Instant t, int replicas, double utilization, double rps) {
    ScalingInput.Builder b = ScalingInput.at(t);
    for (int i = 0; i < replicas; i++) {
      b.replica(
          new ReplicaSample(
              "web-" + i,
              true,
              Map.of(Metric.UTILIZATION, utilization, Metric.REQUESTS_PER_SECOND, rps)));
    }
    return b;
  }

  @Test
  void exampleFileListsItsAutoscalersInFileOrder() {
    ScalingConfig config = example();
    assertThat(config.autoscalerNames())
        .containsExactly("web", "worker", "api", "batch", "tenant-worker");
    assertThat(config.bounds("api")).isEqualTo(ReplicaBounds.of(2, 40));
    assertThat(config.bounds("web")).isEqualTo(ReplicaBounds.of(2, 20));
  }

  @Test
  void targetTrackingFromTheFileTakesTheLargestMetricProposal() {
    // utilization 0.9 / 0.6 = 1.5 -> 6 replicas; 80 rps / 80 = 1.0 -> no change; max is 6.
    ScalingDecision d = example().autoscaler("web").decide(webInput(NIGHT, 4, 0.9, 80));
    assertThat(d.desiredReplicas()).isEqualTo(6);
    assertThat(d.hasReason("schedule.none")).isTrue();
  }

  @Test
  void scheduleWindowFromTheFileHoldsTheMinimumInItsTimeZone() {
    // ratio 0.5 -> 2, the scale-down policy allows -1 (3), the window's minimum of 4 wins.
    ScalingDecision d = example().autoscaler("web").decide(webInput(DAY, 4, 0.3, 40));
    assertThat(d.desiredReplicas()).isEqualTo(4);
    assertThat(d.hasReason("schedule.window")).isTrue();
  }

  @Test
  void stepScalingFromTheFileAppliesTheMatchingStep() {
    ScalingInput input =
        ScalingInput.at(NIGHT)
            .readyReplicas(3, Metric.QUEUE_DEPTH, 0)
            .workload(Metric.QUEUE_DEPTH, 250)
            .build();
    ScalingDecision d = example().autoscaler("worker").decide(input);
    assertThat(d.desiredReplicas()).isEqualTo(8); // 250 - 100 = 150 falls in [100, +inf): +5
    assertThat(d.autoscaler()).isEqualTo("worker");
  }

  @Test
  void predictiveFromTheFileFallsBackToItsNamedFloorWithoutHistory() {
    ScalingInput input =
        webReplicas(NIGHT, 4, 0.9, 80).workload(Metric.REQUESTS_PER_SECOND, 320).build();
    ScalingDecision d = example().autoscaler("api").decide(input);
    assertThat(d.desiredReplicas()).isEqualTo(6);
    assertThat(d.hasReason("predictive.insufficient-history")).isTrue();
  }

  @Test
  void costAwareFromTheFileBuysEnoughCapacityUnderTheCeiling() {
    ScalingInput input =
        ScalingInput.at(NIGHT)
            .readyReplicas(2, Metric.UTILIZATION, 0.5)
            .workload(Metric.REQUESTS_PER_SECOND, 1000)
            .build();
    ScalingDecision d = example().autoscaler("batch").decide(input);
    // 1000 req/s under a 0.7 ceiling needs more than 1428 req/s of capacity: at least 15 replicas.
    assertThat(d.desiredReplicas()).isBetween(15, 50);
  }

  @Test
  void scaleToZeroFromTheFileStaysIdleThenActivates() {
    Autoscaler a = example().autoscaler("tenant-worker");
    ScalingDecision idle = a.decide(ScalingInput.at(NIGHT).workload(Metric.QUEUE_DEPTH, 0).build());
    assertThat(idle.desiredReplicas()).isZero();
    ScalingDecision active =
        a.decide(ScalingInput.at(NIGHT.plusSeconds(15)).workload(Metric.QUEUE_DEPTH, 30).build());
    assertThat(active.desiredReplicas()).isEqualTo(1);
    assertThat(active.hasReason("keda.activate")).isTrue();
  }

  @Test
  void eachCallBuildsAFreshAutoscalerWithItsOwnState() {
    ScalingConfig config = example();
    Autoscaler first = config.autoscaler("worker");
    assertThat(config.autoscaler("worker")).isNotSameAs(first);
    first.decide(ScalingInput.at(DAY).readyReplicas(3, Metric.QUEUE_DEPTH, 0).build());
    // the second instance has seen no input, so an earlier time is still accepted
    ScalingDecision d =
        config
            .autoscaler("worker")
            .decide(ScalingInput.at(NIGHT).readyReplicas(3, Metric.QUEUE_DEPTH, 0).build());
    assertThat(d.currentReplicas()).isEqualTo(3);
  }

  @Test
  void simulationAndAlertSettingsComeFromTheFile() {
    ScalingConfig config = example();
    assertThat(config.simulation().maxReplicas()).isEqualTo(200);
    assertThat(config.simulation().costPerReplicaHour()).isEqualTo(0.1);
    assertThat(config.simulation().startup()).isEqualTo(Duration.ofSeconds(30));
    assertThat(config.alerts().flapWindow()).isEqualTo(Duration.ofMinutes(10));
    assertThat(config.alerts().missingDecisions()).isEqualTo(3);
    assertThat(config.simulation().simulator().build()).isNotNull();
    assertThat(config.alerts("web", java.time.InstantSource.fixed(NIGHT)).active()).isEmpty();
  }

  @Test
  void sectionsLeftOutHaveTheBuildersDefaults() {
    ScalingConfig config = ScalingConfigLoader.parse("scaling.yaml", "{}");
    assertThat(config.autoscalerNames()).isEmpty();
    assertThat(config.simulation()).isEqualTo(SimulationSettings.defaults());
    assertThat(config.alerts()).isEqualTo(AlertSettings.defaults());
  }

  @Test
  void unknownAutoscalerNameListsTheKnownOnes() {
    assertThatThrownBy(() -> example().autoscaler("nope"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'nope'")
        .hasMessageContaining("[web, worker, api, batch, tenant-worker]");
  }

  @Test
  void missingFileIsAClearError(@TempDir Path dir) {
    Path missing = dir.resolve("scaling.yaml");
    assertThatThrownBy(() -> ScalingConfigLoader.load(missing))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(missing.toString())
        .hasMessageContaining("does not exist");
  }

  @Test
  void emptyFileIsRefused() {
    assertThatThrownBy(() -> ScalingConfigLoader.parse("scaling.yaml", "# nothing\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("scaling.yaml:1:1")
        .hasMessageContaining("the file is empty");
  }
}
