package dev.tdeveloper.scaling.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.scaling.autoscale.Metric;
import dev.tdeveloper.scaling.autoscale.ReplicaSample;
import dev.tdeveloper.scaling.autoscale.ScalingInput;
import dev.tdeveloper.scaling.spi.ReplicaState;
import dev.tdeveloper.scaling.spi.ScalingBackend;
import dev.tdeveloper.scaling.spi.ScalingBackendProvider;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SimulatedClusterTest {
  private final ManualClock clock = new ManualClock();

  private SimulatedCluster cluster(int initial) {
    return SimulatedCluster.builder("web")
        .clock(clock)
        .startupDelay(Duration.ofSeconds(30))
        .capacityPerReplica(100)
        .maxReplicas(10)
        .initialReplicas(initial)
        .build();
  }

  @Test
  void loadIsSplitEvenlyAcrossReadyReplicasAndCappedAtCapacity() {
    SimulatedCluster c = cluster(2);
    c.setLoad(150);
    ScalingInput in = c.observe();
    assertThat(in.replicas()).hasSize(2);
    for (ReplicaSample r : in.replicas()) {
      assertThat(r.value(Metric.UTILIZATION)).hasValue(0.75);
      assertThat(r.value(Metric.REQUESTS_PER_SECOND)).hasValue(75.0);
    }
    c.setLoad(500);
    for (ReplicaSample r : c.observe().replicas()) {
      assertThat(r.value(Metric.UTILIZATION)).hasValue(1.0);
      assertThat(r.value(Metric.REQUESTS_PER_SECOND)).hasValue(100.0);
    }
    assertThat(c.observe().workload(Metric.REQUESTS_PER_SECOND)).hasValue(500.0);
  }

  @Test
  void workloadLoadIsReportedAtZeroReplicas() {
    SimulatedCluster c = cluster(0);
    c.setLoad(42);
    ScalingInput in = c.observe();
    assertThat(in.replicas()).isEmpty();
    assertThat(in.workload(Metric.REQUESTS_PER_SECOND)).hasValue(42.0);
    assertThat(in.workload(Metric.QUEUE_DEPTH)).isEmpty();
  }

  @Test
  void newReplicasReportNoMetricsAndTakeNoLoadUntilReady() {
    SimulatedCluster c = cluster(1);
    c.setLoad(80);
    c.scale(2);
    clock.advance(Duration.ofSeconds(29));
    ScalingInput in = c.observe();
    assertThat(in.readyReplicas()).isEqualTo(1);
    ReplicaSample starting = in.replicas().get(1);
    assertThat(starting.ready()).isFalse();
    assertThat(starting.metrics()).isEmpty();
    assertThat(in.replicas().get(0).value(Metric.UTILIZATION)).hasValue(0.8);
    assertThat(c.nextReadyAt()).hasValue(clock.instant().plusSeconds(1));
    assertThat(c.readyCapacity()).isEqualTo(100.0);

    clock.advance(Duration.ofSeconds(1));
    assertThat(c.state()).isEqualTo(new ReplicaState(2, 2, 2));
    assertThat(c.observe().replicas().get(1).value(Metric.UTILIZATION)).hasValue(0.4);
    assertThat(c.nextReadyAt()).isEmpty();
  }

  @Test
  void scaleInRemovesStartingReplicasBeforeReadyOnes() {
    SimulatedCluster c = cluster(2);
    List<String> readyIds = c.observe().replicas().stream().map(ReplicaSample::id).toList();
    c.scale(4);
    assertThat(c.state()).isEqualTo(new ReplicaState(4, 4, 2));
    c.scale(1);
    ScalingInput in = c.observe();
    assertThat(in.replicas()).extracting(ReplicaSample::id).containsExactly(readyIds.get(0));
    assertThat(c.state()).isEqualTo(new ReplicaState(1, 1, 1));
  }

  @Test
  void scaleAboveMaxIsRefusedAndChangesNothing() {
    SimulatedCluster c = cluster(2);
    assertThatThrownBy(() -> c.scale(11))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("11")
        .hasMessageContaining("maxReplicas 10");
    assertThat(c.state()).isEqualTo(new ReplicaState(2, 2, 2));
  }

  @Test
  void badConfigurationAndLoadAreRefusedNamingTheField() {
    assertThatThrownBy(() -> SimulatedCluster.builder("w").capacityPerReplica(0))
        .hasMessageContaining("capacityPerReplica: 0.0");
    assertThatThrownBy(() -> SimulatedCluster.builder("w").startupDelay(Duration.ofSeconds(-1)))
        .hasMessageContaining("startupDelay");
    assertThatThrownBy(
            () -> SimulatedCluster.builder("w").maxReplicas(2).initialReplicas(3).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("initialReplicas: 3");
    SimulatedCluster c = cluster(1);
    c.setLoad(5);
    assertThatThrownBy(() -> c.setLoad(-1)).hasMessageContaining("load: -1.0");
    assertThatThrownBy(() -> c.setLoad(Double.NaN)).hasMessageContaining("NaN");
    assertThat(c.load()).isEqualTo(5.0);
  }

  @Test
  void providerIsFoundByServiceLoaderAndAppliesItsProperties() {
    ScalingBackendProvider p = ScalingBackendProvider.select(Optional.empty());
    assertThat(p.name()).isEqualTo("simulated");
    ScalingBackend b =
        p.create(
            new ScalingBackendProvider.Config(
                "api",
                clock,
                Map.of(
                    "simulated.startup-delay", "PT10S",
                    "simulated.initial-replicas", "2",
                    "simulated.max-replicas", "3",
                    "simulated.capacity-per-replica", "50")));
    assertThat(b.workload()).isEqualTo("api");
    assertThat(b.state()).isEqualTo(new ReplicaState(2, 2, 2));
    assertThatThrownBy(() -> b.scale(4)).hasMessageContaining("maxReplicas 3");
    b.scale(3);
    clock.advance(Duration.ofSeconds(10));
    assertThat(b.state().ready()).isEqualTo(3);
  }

  @Test
  void providerRefusesUnknownAndMalformedProperties() {
    SimulatedClusterProvider p = new SimulatedClusterProvider();
    assertThatThrownBy(
            () -> p.create(ScalingBackendProvider.Config.of("api", Map.of("simulated.cpu", "1"))))
        .hasMessageContaining("simulated.cpu")
        .hasMessageContaining("simulated.startup-delay");
    assertThatThrownBy(
            () ->
                p.create(
                    ScalingBackendProvider.Config.of(
                        "api", Map.of("simulated.startup-delay", "30s"))))
        .hasMessageContaining("simulated.startup-delay: '30s'");
    assertThatThrownBy(() -> ScalingBackendProvider.select(Optional.of("kubernetes")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("simulated");
  }
}
