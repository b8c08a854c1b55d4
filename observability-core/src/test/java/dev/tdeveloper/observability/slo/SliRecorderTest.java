package dev.tdeveloper.observability.slo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.testkit.Concurrently;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SliRecorderTest {
  static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
  static final TenantId ACME = TenantId.of("acme");
  static final TenantId GLOBEX = TenantId.of("globex");

  final ManualClock clock = new ManualClock(START);
  final Slo availability = Slo.builder("availability").objective(0.999).build();
  final Slo latency =
      Slo.builder("latency").objective(0.99).latency(Duration.ofMillis(300)).build();

  @Test
  void eventLandsInTheMinuteOpenWhenRecordedNotTheClockMinute() {
    SliRecorder recorder = SliRecorder.create(clock, List.of(availability));
    SliSeries s = recorder.series(availability, ACME);
    clock.advance(Duration.ofMinutes(3)); // no advance(): minute 0 is still open
    s.record(false);
    recorder.advance();
    s.record(true);
    assertThat(s.counts(Duration.ofMinutes(1))).isEqualTo(new SliCounts(1, 0));
    assertThat(s.counts(Duration.ofMinutes(3))).isEqualTo(new SliCounts(2, 1));
  }

  @Test
  void latencyEventIsGoodUpToTheThresholdInclusive() {
    SliRecorder recorder = SliRecorder.create(clock, List.of(latency));
    SliSeries s = recorder.series(latency, ACME);
    s.recordLatencyNanos(Duration.ofMillis(300).toNanos());
    s.recordLatencyNanos(Duration.ofMillis(300).toNanos() + 1);
    assertThat(s.counts(Duration.ofMinutes(5))).isEqualTo(new SliCounts(2, 1));
  }

  @Test
  void latencyRecordingOnRatioSloIsRefusedAndRecordsNothing() {
    SliSeries s = SliRecorder.create(clock, List.of(availability)).series(availability, ACME);
    assertThatThrownBy(() -> s.recordLatencyNanos(5))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("RATIO");
    assertThatThrownBy(() -> s.record(-1, 0)).hasMessageContaining("allowed: counts >= 0");
    assertThat(s.counts(Duration.ofMinutes(5))).isEqualTo(SliCounts.NONE);
  }

  @Test
  void windowsOutsideTheBucketResolutionAreRefused() {
    SliSeries s = SliRecorder.create(clock, List.of(availability)).series(availability, ACME);
    assertThatThrownBy(() -> s.counts(Duration.ofSeconds(90)))
        .hasMessageContaining("whole minutes");
    assertThatThrownBy(() -> s.counts(Duration.ofMinutes(400))).hasMessageContaining("whole hours");
    assertThatThrownBy(() -> s.counts(Duration.ofDays(31)))
        .hasMessageContaining("longer than the window of SLO 'availability'");
  }

  @Test
  void budgetKeepsThirtyDaysAndForgetsOlderHours() {
    SliRecorder recorder = SliRecorder.create(clock, List.of(availability));
    SliSeries s = recorder.series(availability, ACME);
    s.record(0, 7);
    clock.advance(Duration.ofDays(30));
    recorder.advance();
    assertThat(s.budget().counts().bad()).isEqualTo(7); // open hour + 720 hours before it
    clock.advance(Duration.ofHours(1));
    recorder.advance();
    assertThat(s.budget().counts()).isEqualTo(SliCounts.NONE);
    assertThat(s.budget().remainingFraction()).isEqualTo(1.0);
    assertThat(s.budget().at()).isEqualTo(clock.instant());
  }

  @Test
  void timeslicesCountClosedSlicesAgainstTheSliceTarget() {
    Slo sliced =
        Slo.builder("sliced").objective(0.9).timeslices(Duration.ofMinutes(5), 0.95).build();
    SliRecorder recorder = SliRecorder.create(clock, List.of(sliced));
    SliSeries s = recorder.series(sliced, ACME);
    s.record(95, 5); // slice 1: 95% good: a good slice
    clock.advance(Duration.ofMinutes(5));
    recorder.advance();
    s.record(94, 6); // slice 2: 94%: bad
    clock.advance(Duration.ofMinutes(4));
    recorder.advance();
    assertThat(s.counts(Duration.ofHours(1))).isEqualTo(new SliCounts(1, 0)); // slice 2 open
    clock.advance(Duration.ofMinutes(1));
    recorder.advance();
    clock.advance(Duration.ofMinutes(20)); // empty slices are not counted
    recorder.advance();
    assertThat(s.counts(Duration.ofHours(1))).isEqualTo(new SliCounts(2, 1));
    assertThat(s.budget().consumedFraction()).isEqualTo(1 / (0.1 * 2), offsetOf());
    clock.advance(Duration.ofDays(2)); // slices fold into hour buckets
    recorder.advance();
    assertThat(s.counts(Duration.ofDays(3))).isEqualTo(new SliCounts(2, 1));
  }

  @Test
  void oneTenantsTrafficNeverChangesAnothersCounts() {
    SliRecorder recorder = SliRecorder.create(clock, List.of(availability));
    SliSeries acme = recorder.series(availability, ACME);
    recorder.record(availability, GLOBEX, true);
    for (int m = 0; m < 500; m++) {
      acme.record(0, 1_000);
      clock.advance(Duration.ofMinutes(1));
      recorder.advance();
    }
    SliSeries globex = recorder.find(availability, GLOBEX).orElseThrow();
    assertThat(globex.budget().counts()).isEqualTo(new SliCounts(1, 0));
    assertThat(acme.budget().counts()).isEqualTo(new SliCounts(500_000, 500_000));
  }

  @Test
  void seriesCapRefusesNewTenantsWithoutEvictingExistingOnes() {
    SliRecorder recorder = SliRecorder.create(clock, List.of(availability), 2);
    recorder.record(availability, ACME, false);
    recorder.record(availability, GLOBEX, true);
    TenantId initech = TenantId.of("initech");
    assertThatThrownBy(() -> recorder.record(availability, initech, true))
        .isInstanceOf(SeriesLimitException.class)
        .hasMessageContaining("'availability'")
        .hasMessageContaining("'initech'")
        .hasMessageContaining("2 tenant series");
    assertThat(recorder.find(availability, initech)).isEmpty();
    assertThat(recorder.series(availability, ACME).counts(Duration.ofMinutes(1)))
        .isEqualTo(new SliCounts(1, 1));
    assertThat(recorder.remove(availability, GLOBEX)).isTrue();
    recorder.record(availability, initech, true);
    assertThat(recorder.seriesOf(availability)).hasSize(2);
  }

  @Test
  void unknownSloAndDuplicateIdsAreRefused() {
    SliRecorder recorder = SliRecorder.create(clock, List.of(availability));
    assertThatThrownBy(() -> recorder.series(latency, ACME))
        .hasMessageContaining("'latency' is not one of this recorder's SLOs");
    assertThatThrownBy(() -> SliRecorder.create(clock, List.of(availability, availability)))
        .hasMessageContaining("given twice");
    assertThatThrownBy(() -> SliRecorder.create(clock, List.of(availability), 0))
        .hasMessageContaining("maxSeriesPerSlo: 0");
  }

  @Test
  void concurrentRecordingWhileAdvancingLosesNoEvent() throws Exception {
    SliRecorder recorder = SliRecorder.create(clock, List.of(availability));
    SliSeries s = recorder.series(availability, ACME);
    int perThread = 200_000;
    Concurrently.run(
        4,
        thread -> {
          if (thread == 3) {
            for (int m = 0; m < 2_000; m++) { // folds minutes into hours while others record
              clock.advance(Duration.ofMinutes(1));
              recorder.advance();
              s.counts(Duration.ofDays(1));
            }
          } else {
            for (int i = 0; i < perThread; i++) {
              s.record(i % 10 != 0);
            }
          }
        });
    recorder.advance();
    assertThat(s.counts(Duration.ofDays(30)))
        .isEqualTo(new SliCounts(3L * perThread, 3L * perThread / 10));
  }

  static org.assertj.core.data.Offset<Double> offsetOf() {
    return org.assertj.core.data.Offset.offset(1e-9);
  }
}
