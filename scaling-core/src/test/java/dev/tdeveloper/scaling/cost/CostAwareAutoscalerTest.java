package dev.tdeveloper.scaling.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.tdeveloper.scaling.autoscale.Metric;
import dev.tdeveloper.scaling.autoscale.ReplicaBounds;
import dev.tdeveloper.scaling.autoscale.ScalingDecision;
import dev.tdeveloper.scaling.autoscale.ScalingInput;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CostAwareAutoscalerTest {
  private static final Instant T0 = Instant.parse("2024-03-01T00:00:00Z");
  private static final CapacityOption OD = CapacityOption.onDemand("od", 1.0, 100);
  private static final CapacityOption SPOT = CapacityOption.spot("spot", 0.3, 100, 0.1);

  private static CostAwareAutoscalerBuilder mix() {
    return CostAwareAutoscaler.builder()
        .option(OD)
        .option(SPOT)
        .utilizationCeiling(0.7)
        .minOnDemandShare(0.3)
        .bounds(ReplicaBounds.of(1, 50));
  }

  private static ScalingInput load(double rps) {
    return ScalingInput.at(T0)
        .readyReplicas(2, Metric.UTILIZATION, 0.5)
        .workload(Metric.REQUESTS_PER_SECOND, rps)
        .build();
  }

  @Test
  void picksTheCheapestMixAndExplainsItAgainstAllOnDemand() {
    // 700 rps at ceiling 0.7 needs 1000 rps effective; spot counts 90 of its 100; on-demand must be
    // at least 30% of nominal capacity. 4 on-demand + 7 spot = 400 + 630 = 1030 at $6.10/h; 3
    // on-demand would allow at most 7 spot (30%) = 930: too little.
    CostAwareAutoscaler a = mix().build();
    CapacityPlan plan = a.plan(load(700)).orElseThrow();
    assertThat(plan.replicas()).containsEntry("od", 4).containsEntry("spot", 7);
    assertThat(plan.hourlyCost()).isCloseTo(6.1, within(1e-9));
    assertThat(plan.meetsCeiling()).isTrue();
    assertThat(plan.expectedUtilization()).isCloseTo(700 / 1030.0, within(1e-9));
    assertThat(plan.headroom()).isCloseTo(1030 * 0.7 - 700, within(1e-9));
    ScalingDecision d = a.decide(load(700));
    assertThat(d.desiredReplicas()).isEqualTo(11);
    assertThat(d.autoscaler()).isEqualTo("cost-aware");
    assertThat(d.reasons().toString())
        .contains("4 x od + 7 x spot at $6.10/h vs $10.00/h all on-demand");
    assertThat(d.hasReason("cost.ceiling")).isTrue();
  }

  @Test
  void loadComesFromPerReplicaMetricsTimesReadyWithoutAWorkloadRate() {
    ScalingInput input =
        ScalingInput.at(T0).readyReplicas(5, Metric.REQUESTS_PER_SECOND, 140).build();
    CapacityPlan plan = mix().build().plan(input).orElseThrow();
    assertThat(plan.load()).isEqualTo(700);
    assertThat(plan.totalReplicas()).isEqualTo(11);
    assertThat(plan.reasons().get(0).detail()).contains("x 5 ready replicas");
  }

  @Test
  void withoutAnyRequestRateNothingChanges() {
    ScalingInput input = ScalingInput.at(T0).readyReplicas(3, Metric.UTILIZATION, 0.9).build();
    CostAwareAutoscaler a = mix().build();
    assertThat(a.plan(input)).isEmpty();
    ScalingDecision d = a.decide(input);
    assertThat(d.desiredReplicas()).isEqualTo(3);
    assertThat(d.hasReason("cost.nodata")).isTrue();
  }

  @Test
  void budgetCapsThePlanAndSaysTheSloIsAtRiskByHowMuch() {
    CostAwareAutoscaler a = mix().budgetPerHour(5.0).build();
    CapacityPlan plan = a.plan(load(700)).orElseThrow();
    assertThat(plan.hourlyCost()).isLessThanOrEqualTo(5.0 + 1e-9);
    assertThat(plan.meetsCeiling()).isFalse();
    assertThat(plan.headroom()).isNegative();
    assertThat(plan.reasons().toString())
        .contains("SLO at risk")
        .contains("meeting the ceiling needs $6.10/h (+$1.10/h)");
    // The most capacity $5/h buys with 30% on-demand: 3 od + 6 spot ($4.80/h, 840 rps) beats
    // 3 od + 7 spot ($5.10/h, over budget), 4 od + 3 spot ($4.90/h, 670 rps; 4 spot would be
    // $5.20/h) and 5 od ($5.00/h, 500 rps).
    assertThat(plan.replicas()).containsEntry("od", 3).containsEntry("spot", 6);
    assertThat(plan.effectiveCapacity()).isCloseTo(840, within(1e-9));
  }

  @Test
  void budgetThatMeetsTheCeilingIsReportedAsWithin() {
    CapacityPlan plan = mix().budgetPerHour(20).build().plan(load(700)).orElseThrow();
    assertThat(plan.hourlyCost()).isCloseTo(6.1, within(1e-9));
    assertThat(plan.reasons().toString()).contains("$6.10/h within budget $20.00/h");
  }

  @Test
  void boundsWinOverABudgetTheyExceed() {
    CostAwareAutoscaler a = mix().bounds(ReplicaBounds.of(5, 10)).budgetPerHour(1.0).build();
    CapacityPlan plan = a.plan(load(0)).orElseThrow();
    assertThat(plan.totalReplicas()).isEqualTo(5);
    assertThat(plan.reasons().toString()).contains("budget $1.00/h exceeded");
    assertThat(plan.hasReason("bounds.min")).isTrue();
  }

  @Test
  void maxReplicasThatCannotMeetTheCeilingAreNamed() {
    CapacityPlan plan = mix().bounds(ReplicaBounds.of(1, 5)).build().plan(load(700)).orElseThrow();
    assertThat(plan.totalReplicas()).isEqualTo(5);
    assertThat(plan.meetsCeiling()).isFalse();
    assertThat(plan.hasReason("bounds.max")).isTrue();
  }

  @Test
  void zeroLoadWithMinZeroScalesToZero() {
    CapacityPlan plan = mix().bounds(ReplicaBounds.of(0, 10)).build().plan(load(0)).orElseThrow();
    assertThat(plan.totalReplicas()).isZero();
    assertThat(plan.expectedUtilization()).isZero();
    assertThat(plan.meetsCeiling()).isTrue();
  }

  @Test
  void badConfigurationsAreNamed() {
    assertThatThrownBy(() -> CostAwareAutoscaler.builder().option(OD).option(OD))
        .hasMessageContaining("duplicate option name 'od'");
    assertThatThrownBy(() -> CapacityOption.onDemand("x", -1, 10))
        .hasMessageContaining("pricePerReplicaHour -1.0 is negative");
    assertThatThrownBy(() -> CapacityOption.spot("s", 1, 10, 1.5))
        .hasMessageContaining("interruptionRatePerHour 1.5 is outside [0, 1]");
    assertThatThrownBy(() -> new CapacityOption("o", CapacityOption.Pricing.ON_DEMAND, 1, 10, 0.1))
        .hasMessageContaining("on an on-demand option");
    assertThatThrownBy(() -> CapacityOption.onDemand("x", 1, 0))
        .hasMessageContaining("capacityPerReplica 0.0");
    assertThatThrownBy(() -> CostAwareAutoscaler.builder().utilizationCeiling(0))
        .hasMessageContaining("utilizationCeiling: 0.0 is outside (0, 1]");
    assertThatThrownBy(() -> CostAwareAutoscaler.builder().utilizationCeiling(1.2))
        .hasMessageContaining("utilizationCeiling: 1.2");
    assertThatThrownBy(() -> CostAwareAutoscaler.builder().minOnDemandShare(-0.1))
        .hasMessageContaining("minOnDemandShare: -0.1");
    assertThatThrownBy(() -> CostAwareAutoscaler.builder().budgetPerHour(0))
        .hasMessageContaining("budgetPerHour: 0.0");
    assertThatThrownBy(() -> CostAwareAutoscaler.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("options: none");
    assertThatThrownBy(() -> CostAwareAutoscaler.builder().option(SPOT).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("with only spot options");
    CostAwareAutoscalerBuilder full = CostAwareAutoscaler.builder();
    for (int i = 0; i < CostAwareAutoscaler.MAX_OPTIONS; i++) {
      full.option(CapacityOption.onDemand("o" + i, 1, 10));
    }
    assertThatThrownBy(() -> full.option(CapacityOption.onDemand("extra", 1, 10)))
        .hasMessageContaining("at most 4 options");
  }
}
