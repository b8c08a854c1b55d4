package dev.tdeveloper.scaling.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tdeveloper.scaling.autoscale.Autoscaler;
import dev.tdeveloper.scaling.autoscale.Metric;
import dev.tdeveloper.scaling.autoscale.ScalingDecision;
import dev.tdeveloper.scaling.autoscale.ScalingInput;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import org.junit.jupiter.api.Test;

class ScalingSimulatorTest {
  private static final Instant T0 = Instant.parse("2026-01-05T00:00:00Z");

  /** Desired = ceil(offered load / 100), at least 1: the simplest reactive autoscaler. */
  static final class Proportional implements Autoscaler {
    @Override
    public ScalingDecision decide(ScalingInput in) {
      double load = in.workload(Metric.REQUESTS_PER_SECOND).orElseThrow();
      int desired = Math.max(1, (int) Math.ceil(load / 100));
      return new ScalingDecision(in.time(), in.currentReplicas(), desired, name(), List.of());
    }

    @Override
    public String name() {
      return "proportional";
    }
  }

  /** Answers a fixed script of desired counts, then keeps the last. */
  static final class Scripted implements Autoscaler {
    private final Queue<Integer> script;
    private int last;

    Scripted(Integer... desired) {
      this.script = new ArrayDeque<>(List.of(desired));
    }

    @Override
    public ScalingDecision decide(ScalingInput in) {
      if (!script.isEmpty()) {
        last = script.remove();
      }
      return new ScalingDecision(in.time(), in.currentReplicas(), last, name(), List.of());
    }

    @Override
    public String name() {
      return "scripted";
    }
  }

  /** 0 requests/s for a minute, then 150 requests/s for a minute. */
  private static WorkloadTrace step() {
    return WorkloadTrace.of(
        List.of(new WorkloadTrace.Point(T0, 0), new WorkloadTrace.Point(T0.plusSeconds(60), 150)));
  }

  private static ScalingSimulator.Builder sim() {
    return ScalingSimulator.builder()
        .startupDelay(Duration.ofSeconds(30))
        .capacityPerReplica(100)
        .costPerReplicaHour(2.0)
        .initialReplicas(1);
  }

  @Test
  void stepLoadViolatesForExactlyTheStartupDelay() {
    // The decision at t=60 sees 150 rps and asks for 2; the new replica is ready at t=90, so
    // seconds 60..89 (30 s) have 150 rps offered to 100 rps of ready capacity.
    SimulationReport r = sim().build().run(step(), new Proportional());
    assertThat(r.sloViolationMinutes()).isEqualTo(0.5);
    // 60 s x 1 replica + 60 s x 2 replicas (the starting one costs too) = 180 replica-seconds.
    assertThat(r.replicaHours()).isCloseTo(180 / 3600.0, within(1e-12));
    assertThat(r.cost()).isCloseTo(0.1, within(1e-12));
    assertThat(r.scaleResponse()).isEqualTo(new SimulationReport.ResponseTimes(1, 30, 30, 0));
    assertThat(r.decisions()).isEqualTo(8);
    assertThat(r.peakReplicas()).isEqualTo(2);
    assertThat(r.flaps()).isZero();
    assertThat(r.simulatedSeconds()).isEqualTo(120);
  }

  @Test
  void decidingLessOftenLengthensTheViolation() {
    // Decisions at 0 and 40: the step at 60 is first seen at 80, ready at 110: 50 s.
    SimulationReport r =
        sim().decisionInterval(Duration.ofSeconds(40)).build().run(step(), new Proportional());
    assertThat(r.sloViolationMinutes()).isCloseTo(50 / 60.0, within(1e-12));
    assertThat(r.scaleResponse().maxSeconds()).isEqualTo(50);
    assertThat(r.decisions()).isEqualTo(3);
  }

  @Test
  void warmUpIsReplayedButNotReported() {
    SimulationReport r =
        sim().warmUp(Duration.ofSeconds(60)).build().run(step(), new Proportional());
    assertThat(r.from()).isEqualTo(T0.plusSeconds(60).toString());
    assertThat(r.simulatedSeconds()).isEqualTo(60);
    assertThat(r.sloViolationMinutes()).isEqualTo(0.5);
    assertThat(r.replicaHours()).isCloseTo(120 / 3600.0, within(1e-12));
    assertThat(r.decisions()).isEqualTo(4);
    assertThatThrownBy(
            () -> sim().warmUp(Duration.ofSeconds(120)).build().run(step(), new Proportional()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("warmUp: PT120S");
  }

  @Test
  void reversalsWithinTheWindowCountAsFlaps() {
    WorkloadTrace flat =
        WorkloadTrace.of(
            List.of(
                new WorkloadTrace.Point(T0, 10), new WorkloadTrace.Point(T0.plusSeconds(60), 10)));
    // Changes at 0 (up), 15 (down), 30 (up), 45 (down): three reversals 15 s apart.
    assertThat(sim().build().run(flat, new Scripted(2, 1, 2, 1)).flaps()).isEqualTo(3);
    assertThat(
            sim()
                .flapWindow(Duration.ofSeconds(10))
                .build()
                .run(flat, new Scripted(2, 1, 2, 1))
                .flaps())
        .isZero();
    // Same direction twice is no flap.
    assertThat(sim().build().run(flat, new Scripted(2, 3, 4, 4)).flaps()).isZero();
  }

  @Test
  void decisionsAboveTheMaximumAreCappedAndUncoveredLoadStaysOpen() {
    WorkloadTrace heavy =
        WorkloadTrace.of(
            List.of(
                new WorkloadTrace.Point(T0, 500),
                new WorkloadTrace.Point(T0.plusSeconds(60), 500)));
    SimulationReport r = sim().maxReplicas(3).build().run(heavy, new Scripted(50));
    assertThat(r.peakReplicas()).isEqualTo(3);
    assertThat(r.sloViolationMinutes()).isEqualTo(2.0);
    assertThat(r.scaleResponse()).isEqualTo(new SimulationReport.ResponseTimes(1, 120, 120, 1));
  }

  @Test
  void fourteenDaysReplayAtFifteenSecondDecisions() {
    WorkloadTrace t =
        TraceGenerators.diurnal(
            new TraceGenerators.Span(T0, Duration.ofDays(14), Duration.ofMinutes(1), 42),
            100,
            2000);
    SimulationReport r = sim().build().run(t, new Proportional());
    assertThat(r.decisions()).isEqualTo(14 * 24 * 240);
    assertThat(r.peakReplicas()).isBetween(19, 25);
    assertThat(r.sloViolationMinutes()).isPositive();
    assertThat(r.scaleResponse().maxSeconds()).isLessThanOrEqualTo(45);
  }

  @Test
  void reportIsWrittenAsJsonByJackson() throws Exception {
    SimulationReport r = sim().build().run(step(), new Proportional());
    ObjectMapper json = new ObjectMapper();
    JsonNode node = json.readTree(json.writeValueAsString(r));
    assertThat(node.get("autoscaler").asText()).isEqualTo("proportional");
    assertThat(node.get("sloViolationMinutes").asDouble()).isEqualTo(0.5);
    assertThat(node.get("scaleResponse").get("maxSeconds").asLong()).isEqualTo(30);
    assertThat(json.readValue(json.writeValueAsString(r), SimulationReport.class)).isEqualTo(r);
  }

  @Test
  void badSettingsAreRefusedNamingTheField() {
    assertThatThrownBy(() -> ScalingSimulator.builder().decisionInterval(Duration.ZERO))
        .hasMessageContaining("decisionInterval");
    assertThatThrownBy(() -> ScalingSimulator.builder().startupDelay(Duration.ofMillis(1500)))
        .hasMessageContaining("startupDelay: PT1.5S");
    assertThatThrownBy(() -> ScalingSimulator.builder().costPerReplicaHour(-1))
        .hasMessageContaining("costPerReplicaHour: -1.0");
    assertThatThrownBy(() -> ScalingSimulator.builder().maxReplicas(2).initialReplicas(3).build())
        .isInstanceOf(IllegalStateException.class);
  }
}
