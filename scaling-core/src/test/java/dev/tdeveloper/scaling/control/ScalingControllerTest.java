package dev.tdeveloper.scaling.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tdeveloper.scaling.ScalingException;
import dev.tdeveloper.scaling.autoscale.Autoscaler;
import dev.tdeveloper.scaling.autoscale.Metric;
import dev.tdeveloper.scaling.autoscale.ScalingDecision;
import dev.tdeveloper.scaling.autoscale.ScalingInput;
import dev.tdeveloper.scaling.autoscale.ScalingReason;
import dev.tdeveloper.scaling.simulation.SimulatedCluster;
import dev.tdeveloper.scaling.spi.ReplicaState;
import dev.tdeveloper.scaling.spi.ScalingBackend;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class ScalingControllerTest {
  private final ManualClock clock = new ManualClock();
  private final List<ScalingEvent> events = new CopyOnWriteArrayList<>();

  /** Desired = ceil(load / 100). */
  private static final Autoscaler PROPORTIONAL =
      new Autoscaler() {
        @Override
        public ScalingDecision decide(ScalingInput in) {
          int desired = (int) Math.ceil(in.workload(Metric.REQUESTS_PER_SECOND).orElse(0) / 100);
          return new ScalingDecision(
              in.time(),
              in.currentReplicas(),
              desired,
              name(),
              List.of(
                  ScalingReason.of("test.proportional", Metric.REQUESTS_PER_SECOND, "load/100")));
        }

        @Override
        public String name() {
          return "proportional";
        }
      };

  private SimulatedCluster cluster() {
    return SimulatedCluster.builder("web").clock(clock).initialReplicas(1).maxReplicas(5).build();
  }

  @Test
  void runOnceScalesTheBackendAndPublishesDecidedThenScaled() {
    SimulatedCluster c = cluster();
    c.setLoad(250);
    ScalingController ctl =
        ScalingController.builder(c, PROPORTIONAL).clock(clock).listener(events::add).build();
    assertThat(ctl.runOnce()).hasValueSatisfying(d -> assertThat(d.desiredReplicas()).isEqualTo(3));
    assertThat(c.state().desired()).isEqualTo(3);
    assertThat(events).hasSize(2);
    assertThat(events.get(0)).isInstanceOf(ScalingEvent.Decided.class);
    assertThat(events.get(1)).isEqualTo(new ScalingEvent.Scaled(clock.instant(), "web", 1, 3));
    events.clear();
    ctl.runOnce();
    assertThat(events).singleElement().isInstanceOf(ScalingEvent.Decided.class);
  }

  @Test
  void aThrowingBackendIsAFailedEventAndTheLoopGoesOn() {
    SimulatedCluster c = cluster();
    c.setLoad(250);
    AtomicBoolean broken = new AtomicBoolean(true);
    ScalingBackend flaky =
        new ScalingBackend() {
          @Override
          public String workload() {
            return c.workload();
          }

          @Override
          public ReplicaState state() {
            return c.state();
          }

          @Override
          public ScalingInput observe() {
            return c.observe();
          }

          @Override
          public void scale(int desired) {
            if (broken.get()) {
              throw new ScalingException("platform unreachable");
            }
            c.scale(desired);
          }
        };
    ScalingController ctl =
        ScalingController.builder(flaky, PROPORTIONAL).clock(clock).listener(events::add).build();
    ctl.runOnce();
    assertThat(events)
        .last()
        .isInstanceOfSatisfying(
            ScalingEvent.Failed.class,
            f -> {
              assertThat(f.stage()).isEqualTo("scale");
              assertThat(f.error()).contains("platform unreachable");
            });
    assertThat(ctl.status().lastFailure()).isPresent();
    broken.set(false);
    ctl.runOnce();
    assertThat(c.state().desired()).isEqualTo(3);
    assertThat(events).last().isInstanceOf(ScalingEvent.Scaled.class);
  }

  @Test
  void aThrowingObserveOrAutoscalerIsAFailedEventNotAnException() {
    SimulatedCluster c = cluster();
    Autoscaler broken =
        new Autoscaler() {
          @Override
          public ScalingDecision decide(ScalingInput in) {
            throw new IllegalStateException("boom");
          }

          @Override
          public String name() {
            return "broken";
          }
        };
    ScalingController ctl =
        ScalingController.builder(c, broken).clock(clock).listener(events::add).build();
    assertThat(ctl.runOnce()).isEmpty();
    assertThat(events)
        .singleElement()
        .isInstanceOfSatisfying(
            ScalingEvent.Failed.class, f -> assertThat(f.stage()).isEqualTo("decide"));
    assertThat(c.state().desired()).isEqualTo(1);
  }

  @Test
  void aThrowingListenerDoesNotBreakTheLoop() {
    SimulatedCluster c = cluster();
    c.setLoad(450);
    ScalingController ctl =
        ScalingController.builder(c, PROPORTIONAL)
            .clock(clock)
            .listener(
                e -> {
                  throw new IllegalStateException("listener down");
                })
            .listener(events::add)
            .build();
    ctl.runOnce();
    assertThat(c.state().desired()).isEqualTo(5);
    assertThat(events).hasSize(2);
  }

  @Test
  void statusJsonCarriesReplicasDecisionReasonsAndAlerts() throws Exception {
    SimulatedCluster c = cluster();
    c.setLoad(450);
    ScalingAlerts alerts =
        ScalingAlerts.builder(clock).maxReplicas(5).atMaxFor(Duration.ZERO).build();
    ScalingController ctl =
        ScalingController.builder(c, PROPORTIONAL)
            .clock(clock)
            .alerts(alerts)
            .listener(events::add)
            .build();
    assertThat(ctl.status().lastDecision()).isEmpty();
    ctl.runOnce();
    clock.advance(Duration.ofSeconds(15));
    ctl.runOnce();
    assertThat(ctl.lastDecision()).isPresent();
    JsonNode json = new ObjectMapper().readTree(ctl.status().toJson());
    assertThat(json.get("workload").asText()).isEqualTo("web");
    assertThat(json.get("autoscaler").asText()).isEqualTo("proportional");
    assertThat(json.get("replicas").get("desired").asInt()).isEqualTo(5);
    assertThat(json.get("lastDecision").get("reasons").get(0).get("rule").asText())
        .isEqualTo("test.proportional");
    assertThat(json.get("alerts").get(0).get("code").asText()).isEqualTo("scaling.at-max-replicas");
    assertThat(json.has("lastFailure")).isFalse();
    assertThat(events).filteredOn(e -> e instanceof ScalingEvent.AlertRaised).hasSize(1);
  }
}
