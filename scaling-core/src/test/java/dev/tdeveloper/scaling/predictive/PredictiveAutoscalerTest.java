package dev.tdeveloper.scaling.predictive;

import static dev.tdeveloper.scaling.predictive.Traces.MONDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.scaling.autoscale.ReplicaBounds;
import dev.tdeveloper.scaling.autoscale.ScalingDecision;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PredictiveAutoscalerTest {
  private static final Duration FIVE_MIN = Duration.ofMinutes(5);

  private static PredictiveAutoscalerBuilder builder() {
    return PredictiveAutoscaler.builder()
        .reactive(new Traces.LaggedFloor(10, 8))
        .bounds(ReplicaBounds.of(1, 100))
        .capacityPerReplica(10)
        .bucket(FIVE_MIN);
  }

  private static List<LoadSample> sevenDaysOfSpikes() {
    return Traces.samples(Traces::dailySpike, Duration.ofDays(7), Duration.ofMinutes(1), 0.02, 7);
  }

  @Test
  void saysSoWhenHistoryIsShorterThanADay() {
    PredictiveAutoscaler a = builder().build();
    ScalingDecision d = a.decide(Traces.input(MONDAY, 2, 100));
    assertThat(d.hasReason("predictive.insufficient-history")).isTrue();
    assertThat(d.hasReason("predictive.forecast")).isFalse();
    assertThat(d.desiredReplicas()).isEqualTo(10);
    assertThat(a.forecast()).isEmpty();
    assertThat(a.forecastError()).isEmpty();
  }

  @Test
  void scalesOutAheadOfTheRecurringSpikeByTheStartupTime() {
    PredictiveAutoscaler a = builder().startupTime(Duration.ofMinutes(3)).build();
    assertThat(a.preload(sevenDaysOfSpikes())).isEqualTo(7 * 24 * 60);
    Instant noon = MONDAY.plus(Duration.ofDays(7)).plus(Duration.ofHours(12));
    ScalingDecision early = a.decide(Traces.input(noon.minus(Duration.ofMinutes(30)), 10, 100));
    assertThat(early.desiredReplicas()).isBetween(10, 15);
    ScalingDecision ahead = a.decide(Traces.input(noon.minus(Duration.ofMinutes(3)), 10, 100));
    assertThat(ahead.hasReason("predictive.forecast")).isTrue();
    assertThat(ahead.desiredReplicas()).isGreaterThanOrEqualTo(45);
    assertThat(ahead.reasons().get(0).detail()).contains("applied");
    assertThat(a.forecast().orElseThrow().weekly()).isFalse();
  }

  /** A floor that wants half the replicas the load needs, so the forecast decides. */
  private static PredictiveAutoscalerBuilder flatFloorBuilder() {
    return PredictiveAutoscaler.builder()
        .reactive(new Traces.LaggedFloor(20, 0))
        .bounds(ReplicaBounds.of(1, 100))
        .capacityPerReplica(10)
        .bucket(FIVE_MIN);
  }

  @Test
  void addsNoReplicaForAForecastWithinTheToleranceOfTheCurrentCount() {
    // 105 req/s at 10 req/s per replica: 11 replicas at the target, but the current 10 would run
    // at 105% of the target, within the HPA's 10% tolerance.
    List<LoadSample> flat =
        Traces.samples(s -> 105, Duration.ofDays(2), Duration.ofMinutes(5), 0, 1);
    Instant t = MONDAY.plus(Duration.ofDays(2));
    PredictiveAutoscaler tolerant = flatFloorBuilder().build();
    tolerant.preload(flat);
    ScalingDecision held = tolerant.decide(Traces.input(t, 10, 105));
    assertThat(held.desiredReplicas()).isEqualTo(10);
    assertThat(held.reasons().get(0).detail()).contains("within the tolerance");
    PredictiveAutoscaler strict = flatFloorBuilder().tolerance(0).build();
    strict.preload(flat);
    assertThat(strict.decide(Traces.input(t, 10, 105)).desiredReplicas()).isEqualTo(11);
    // Beyond the tolerance the forecast applies in full: 9 replicas would run at 117%.
    assertThat(tolerant.decide(Traces.input(t.plusSeconds(15), 9, 105)).desiredReplicas())
        .isEqualTo(11);
  }

  @Test
  void keepsTheFloorsReasonsAfterItsOwn() {
    PredictiveAutoscaler a = builder().build();
    a.preload(sevenDaysOfSpikes());
    ScalingDecision d = a.decide(Traces.input(MONDAY.plus(Duration.ofDays(7)), 10, 100));
    List<String> codes = d.reasons().stream().map(r -> r.rule()).toList();
    assertThat(codes)
        .containsSubsequence("predictive.forecast", "predictive.reactive", "floor.load");
    assertThat(d.autoscaler()).isEqualTo("predictive");
  }

  @Test
  void forecastOnlyNeverChangesTheReactiveDecision() {
    PredictiveAutoscaler a =
        builder().mode(PredictiveMode.FORECAST_ONLY).startupTime(Duration.ofMinutes(3)).build();
    a.preload(sevenDaysOfSpikes());
    Instant noon = MONDAY.plus(Duration.ofDays(7)).plus(Duration.ofHours(12));
    ScalingDecision d = a.decide(Traces.input(noon.minus(Duration.ofMinutes(3)), 10, 100));
    assertThat(d.desiredReplicas()).isEqualTo(10);
    assertThat(d.reasons().get(0).detail()).contains("forecast only");
    assertThat(a.forecast()).isPresent();
  }

  @Test
  void neverGoesAboveMaxReplicas() {
    PredictiveAutoscaler a =
        PredictiveAutoscaler.builder()
            .reactive(new Traces.LaggedFloor(10, 0))
            .bounds(ReplicaBounds.of(1, 20))
            .capacityPerReplica(10)
            .bucket(FIVE_MIN)
            .startupTime(Duration.ofMinutes(3))
            .build();
    a.preload(sevenDaysOfSpikes());
    Instant noon = MONDAY.plus(Duration.ofDays(7)).plus(Duration.ofHours(12));
    ScalingDecision d = a.decide(Traces.input(noon.minus(Duration.ofMinutes(3)), 10, 100));
    assertThat(d.desiredReplicas()).isEqualTo(20);
    assertThat(d.hasReason("bounds.max")).isTrue();
  }

  @Test
  void reportsTheForecastErrorOnceEnoughBucketsHaveBeenSeen() {
    PredictiveAutoscaler a = builder().build();
    a.preload(Traces.samples(Traces::sinusoid, Duration.ofDays(3), Duration.ofMinutes(1), 0, 3));
    Instant t = MONDAY.plus(Duration.ofDays(3));
    for (int i = 0; i < 12 * 6; i++) {
      Instant at = t.plus(Duration.ofMinutes(i));
      double s = at.getEpochSecond() - MONDAY.getEpochSecond();
      a.decide(Traces.input(at, 10, Traces.sinusoid(s)));
      if (i == 30) {
        assertThat(a.forecastError()).isEmpty();
      }
    }
    ForecastError e = a.forecastError().orElseThrow();
    assertThat(e.pairs()).isEqualTo(14);
    assertThat(e.zeroActuals()).isZero();
    assertThat(e.mape()).isLessThan(0.05);
    assertThat(e.mae()).isLessThan(5);
  }

  @Test
  void leavesZeroActualsOutOfTheMape() {
    PredictiveAutoscaler a = builder().build();
    a.preload(Traces.samples(s -> 100, Duration.ofDays(2), Duration.ofMinutes(5), 0, 3));
    Instant t = MONDAY.plus(Duration.ofDays(2));
    for (int i = 0; i < 12 * 3 * 5; i++) {
      a.decide(Traces.input(t.plus(Duration.ofMinutes(i)), 10, i < 25 ? 0 : 100));
    }
    ForecastError e = a.forecastError().orElseThrow();
    assertThat(e.zeroActuals()).isEqualTo(5);
    assertThat(e.pairs()).isGreaterThan(e.zeroActuals() + PredictiveAutoscaler.MIN_ERROR_PAIRS - 1);
    assertThat(e.mape()).isLessThan(0.05);
  }

  @Test
  void refusesAnOlderInputAndKeepsItsState() {
    PredictiveAutoscaler a = builder().build();
    a.decide(Traces.input(MONDAY.plusSeconds(60), 1, 10));
    assertThatThrownBy(() -> a.decide(Traces.input(MONDAY, 1, 10)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("before the previous input " + MONDAY.plusSeconds(60));
    assertThat(a.decide(Traces.input(MONDAY.plusSeconds(60), 1, 10)).desiredReplicas())
        .isEqualTo(1);
  }

  @Test
  void saysSoWhenTheArrivalRateIsMissing() {
    PredictiveAutoscaler a = builder().build();
    ScalingDecision d =
        a.decide(
            dev.tdeveloper.scaling.autoscale.ScalingInput.at(MONDAY)
                .readyReplicas(3, dev.tdeveloper.scaling.autoscale.Metric.UTILIZATION, 0.5)
                .build());
    assertThat(d.hasReason("predictive.load.missing")).isTrue();
  }

  @Test
  void refusesBadSettingsNamingThem() {
    assertThatThrownBy(() -> builder().capacityPerReplica(1))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("capacityPerReplica: already set");
    assertThatThrownBy(
            () -> PredictiveAutoscaler.builder().reactive(new Traces.LaggedFloor(1, 0)).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("missing: bounds capacityPerReplica");
    assertThatThrownBy(
            () ->
                PredictiveAutoscaler.builder()
                    .reactive(new Traces.LaggedFloor(1, 0))
                    .bounds(ReplicaBounds.of(1, 2))
                    .capacityPerReplica(0)
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("capacityPerReplica: 0.0");
    assertThatThrownBy(() -> builder().targetUtilization(1.2).build())
        .hasMessageContaining("targetUtilization: 1.2; allowed: (0, 1]");
    assertThatThrownBy(() -> builder().targetUtilization(0).build())
        .hasMessageContaining("targetUtilization: 0.0");
    assertThatThrownBy(() -> builder().tolerance(1).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tolerance: 1.0; allowed: [0, 1)");
    assertThatThrownBy(() -> builder().tolerance(-0.1).build())
        .hasMessageContaining("tolerance: -0.1");
    assertThatThrownBy(
            () ->
                PredictiveAutoscaler.builder()
                    .reactive(new Traces.LaggedFloor(1, 0))
                    .bounds(ReplicaBounds.of(1, 2))
                    .capacityPerReplica(1)
                    .bucket(Duration.ofMinutes(7))
                    .build())
        .hasMessageContaining("bucket: PT7M");
    assertThatThrownBy(() -> builder().startupTime(Duration.ofSeconds(-1)).build())
        .hasMessageContaining("startupTime: PT-1S is negative");
    assertThatThrownBy(() -> builder().horizon(Duration.ofHours(2)).build())
        .hasMessageContaining("horizon: PT2H is shorter");
    assertThatThrownBy(() -> builder().schedulingBuffer(Duration.ofHours(1)).build())
        .hasMessageContaining("schedulingBuffer: PT1H");
  }

  @Test
  void defaultsFollowEc2PredictiveScaling() {
    PredictiveConfig c =
        PredictiveAutoscaler.builder()
            .reactive(new Traces.LaggedFloor(1, 0))
            .bounds(ReplicaBounds.of(1, 2))
            .capacityPerReplica(1)
            .build()
            .config();
    assertThat(c.horizon()).isEqualTo(Duration.ofHours(48));
    assertThat(c.refreshInterval()).isEqualTo(Duration.ofHours(6));
    assertThat(c.bucket()).isEqualTo(Duration.ofHours(1));
    assertThat(c.mode()).isEqualTo(PredictiveMode.SCALE_OUT);
    assertThat(c.lead()).isEqualTo(Duration.ofSeconds(15));
  }
}
