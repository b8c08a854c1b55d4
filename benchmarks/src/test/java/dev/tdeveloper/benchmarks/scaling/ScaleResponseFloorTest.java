package dev.tdeveloper.benchmarks.scaling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.scaling.autoscale.Metric;
import dev.tdeveloper.scaling.autoscale.ScalingDecision;
import dev.tdeveloper.scaling.autoscale.ScalingInput;
import dev.tdeveloper.scaling.simulation.SimulationReport;
import dev.tdeveloper.scaling.simulation.WorkloadTrace;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The scale response against its physical floor, on the spike trace (10 days, the last 5 measured),
 * in simulated time only: the figures are deterministic, no wall-clock timing is asserted.
 */
class ScaleResponseFloorTest {
  private static final ClusterProfile JVM = ClusterProfile.jvmService();
  private static final ClusterProfile FAST = ClusterProfile.fastStart();
  private static QualityComparison.Result jvm;
  private static QualityComparison.Result fast;

  @BeforeAll
  static void replay() {
    WorkloadTrace spike = QualityTraces.all(10, ScalingQualityRun.SEED).get("spike");
    jvm = new QualityComparison(JVM, Duration.ofDays(5)).compare("spike", spike);
    fast = new QualityComparison(FAST, Duration.ofDays(5)).compare("spike", spike);
  }

  @Test
  void floorCoversAnUnannouncedStepWithinStartupPlusOneDecision() {
    for (ClusterProfile p : List.of(JVM, FAST)) {
      QualityComparison.Result r = p == JVM ? jvm : fast;
      long bound = p.startupDelay().getSeconds() + p.decisionInterval().getSeconds();
      assertThat(r.floor().scaleResponse().maxSeconds()).isPositive().isLessThanOrEqualTo(bound);
    }
  }

  @Test
  void noReactiveAutoscalerRespondsFasterThanTheFloor() {
    for (QualityComparison.Result r : List.of(jvm, fast)) {
      long floor = r.floor().scaleResponse().maxSeconds();
      assertThat(r.hpa().scaleResponse().maxSeconds()).isGreaterThanOrEqualTo(floor);
      assertThat(r.hpaRequests().scaleResponse().maxSeconds()).isGreaterThanOrEqualTo(floor);
    }
  }

  @Test
  void predictiveHasCapacityReadyBeforeEveryRecurringSpike() {
    for (QualityComparison.Result r : List.of(jvm, fast)) {
      for (String who :
          List.of(QualityComparison.PREDICTIVE, QualityComparison.PREDICTIVE_REQUESTS)) {
        StepResponses.Split split = r.steps().get(who);
        assertThat(split.recurring().steps()).isGreaterThanOrEqualTo(4);
        assertThat(split.recurring().coveredBefore()).isEqualTo(split.recurring().steps());
        assertThat(split.recurring().maxSeconds()).isZero();
        assertThat(split.unannounced().steps()).isEqualTo(1);
        assertThat(split.unannounced().coveredBefore()).isZero();
      }
      assertThat(r.steps().get(QualityComparison.HPA).recurring().coveredBefore()).isZero();
    }
  }

  @Test
  void stepResponsesRebuiltFromDecisionsMatchTheSimulatorsEpisodes() {
    for (QualityComparison.Result r : List.of(jvm, fast)) {
      Map<String, SimulationReport> reports = r.reports();
      r.steps()
          .forEach(
              (who, split) ->
                  assertThat(
                          Math.max(
                              split.recurring().maxSeconds(), split.unannounced().maxSeconds()))
                      .as(who)
                      .isEqualTo(reports.get(who).scaleResponse().maxSeconds()));
    }
  }

  @Test
  void fastStartLetsTheRequestsChainRespondUnderThirtySeconds() {
    assertThat(fast.predictiveRequests().scaleResponse().maxSeconds())
        .isLessThan(QualityTable.RESPONSE_GOAL_SECONDS);
    assertThat(jvm.predictiveRequests().scaleResponse().maxSeconds())
        .isGreaterThanOrEqualTo(QualityTable.RESPONSE_GOAL_SECONDS);
  }

  @Test
  void oracleAsksForTheWholeLoadAtOnceAndHoldsScaleInForFiveMinutes() {
    OracleReactiveAutoscaler oracle = new OracleReactiveAutoscaler(JVM);
    Instant t = Instant.parse("2026-01-05T12:00:00Z");
    ScalingDecision up = oracle.decide(input(t, 5, 2500));
    assertThat(up.desiredReplicas()).isEqualTo(36); // ceil(2500 / 70)
    ScalingDecision held = oracle.decide(input(t.plusSeconds(295), 36, 500));
    assertThat(held.desiredReplicas()).isEqualTo(36);
    ScalingDecision down = oracle.decide(input(t.plusSeconds(300), 36, 500));
    assertThat(down.desiredReplicas()).isEqualTo(8); // ceil(500 / 70)
  }

  @Test
  void oracleKeepsTheCountWithoutAnOfferedLoad() {
    OracleReactiveAutoscaler oracle = new OracleReactiveAutoscaler(JVM);
    ScalingInput noLoad =
        ScalingInput.at(Instant.EPOCH).readyReplicas(3, Metric.UTILIZATION, 0.9).build();
    ScalingDecision d = oracle.decide(noLoad);
    assertThat(d.desiredReplicas()).isEqualTo(3);
    assertThat(d.hasReason("oracle.load.missing")).isTrue();
  }

  private static ScalingInput input(Instant t, int replicas, double load) {
    return ScalingInput.at(t)
        .readyReplicas(replicas, Metric.UTILIZATION, 1.0)
        .workload(Metric.REQUESTS_PER_SECOND, load)
        .build();
  }
}
