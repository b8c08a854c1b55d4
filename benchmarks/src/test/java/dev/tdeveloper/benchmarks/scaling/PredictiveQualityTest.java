package dev.tdeveloper.benchmarks.scaling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.scaling.simulation.WorkloadTrace;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 10's decision-quality goal on shorter traces than {@link ScalingQualityRun} (10 days, the
 * last 5 measured), so the predictive autoscaler cannot silently lose its edge over the HPA. All in
 * simulated time: the figures are deterministic, no wall-clock timing is asserted.
 */
class PredictiveQualityTest {
  private static QualityComparison.Result diurnal;
  private static QualityComparison.Result spike;

  @BeforeAll
  static void replay() {
    Map<String, WorkloadTrace> traces = QualityTraces.all(10, ScalingQualityRun.SEED);
    QualityComparison comparison =
        new QualityComparison(ClusterProfile.jvmService(), Duration.ofDays(5));
    diurnal = comparison.compare("diurnal", traces.get("diurnal"));
    spike = comparison.compare("spike", traces.get("spike"));
  }

  @Test
  void predictiveHalvesTheHpasViolationsOnTheSpikeTraceAtMostFivePercentMoreReplicaHours() {
    assertThat(spike.hpa().sloViolationMinutes()).isGreaterThan(0);
    assertThat(spike.violationRatio().getAsDouble()).isLessThanOrEqualTo(0.5);
    assertThat(spike.replicaHoursRatio()).isLessThanOrEqualTo(1.05);
    assertThat(spike.goalMet()).isTrue();
  }

  @Test
  void predictiveViolatesNoMoreThanTheHpaOnTheDiurnalTraceAtMostFivePercentMoreReplicaHours() {
    // The HPA's 30% headroom absorbs the diurnal slope: it has no violation, so neither may the
    // predictive autoscaler (the ratio is undefined).
    assertThat(diurnal.predictive().sloViolationMinutes())
        .isLessThanOrEqualTo(0.5 * diurnal.hpa().sloViolationMinutes());
    assertThat(diurnal.replicaHoursRatio()).isLessThanOrEqualTo(1.05);
    assertThat(diurnal.goalMet()).isTrue();
  }

  @Test
  void predictiveLearnsTheDailySpikeSoOnlyTheUnannouncedOneCanViolate() {
    // Every daily spike is pre-scaled for; what remains is at most the one unannounced spike.
    assertThat(spike.predictive().scaleResponse().episodes()).isLessThanOrEqualTo(1);
    assertThat(spike.hpa().scaleResponse().episodes()).isGreaterThanOrEqualTo(5);
    assertThat(spike.forecastError()).isPresent();
    assertThat(spike.forecastError().orElseThrow().mape()).isLessThan(0.1);
  }

  @Test
  void tableSaysNotApplicableWhenTheHpaHadNoViolation() {
    String md = QualityTable.markdown(List.of(diurnal, spike));
    assertThat(md).contains("| diurnal | n/a (HPA: 0 min) |").contains("| spike | HPA |");
    assertThat(md)
        .contains(
            "| spike | "
                + String.format(
                    java.util.Locale.ROOT, "%.3f", spike.violationRatio().getAsDouble()));
  }
}
