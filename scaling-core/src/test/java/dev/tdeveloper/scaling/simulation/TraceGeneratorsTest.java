package dev.tdeveloper.scaling.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class TraceGeneratorsTest {
  // A Monday.
  private static final Instant MONDAY = Instant.parse("2026-01-05T00:00:00Z");

  private static TraceGenerators.Span days(int days, long seed) {
    return new TraceGenerators.Span(MONDAY, Duration.ofDays(days), Duration.ofMinutes(1), seed);
  }

  @Test
  void everyGeneratorIsReproducibleBySeed() {
    for (Function<TraceGenerators.Span, WorkloadTrace> g :
        java.util.List.<Function<TraceGenerators.Span, WorkloadTrace>>of(
            s -> TraceGenerators.diurnal(s, 100, 1000),
            s -> TraceGenerators.weekly(s, 100, 1000, 0.4),
            s -> TraceGenerators.spike(s, 200),
            s -> TraceGenerators.noisy(s, 300, 0.05))) {
      WorkloadTrace a = g.apply(days(3, 7));
      assertThat(g.apply(days(3, 7))).isEqualTo(a);
      assertThat(g.apply(days(3, 8))).isNotEqualTo(a);
    }
  }

  @Test
  void fourteenDaysAtOneMinuteCoverExactlyFourteenDays() {
    WorkloadTrace t = TraceGenerators.weekly(days(14, 1), 50, 500, 0.5);
    assertThat(t.size()).isEqualTo(14 * 24 * 60);
    assertThat(t.start()).isEqualTo(MONDAY);
    assertThat(t.end()).isEqualTo(MONDAY.plus(Duration.ofDays(14)));
  }

  @Test
  void diurnalPeaksInTheAfternoonAndBottomsOutAtNight() {
    WorkloadTrace t = TraceGenerators.diurnal(days(1, 3), 100, 1000);
    assertThat(t.valueAt(MONDAY.plus(Duration.ofHours(16)))).isBetween(850.0, 1150.0);
    assertThat(t.valueAt(MONDAY.plus(Duration.ofHours(4)))).isBetween(85.0, 115.0);
  }

  @Test
  void weekendsCarryTheWeekendShareOfTheLoad() {
    WorkloadTrace t = TraceGenerators.weekly(days(7, 3), 100, 1000, 0.3);
    double weekday = t.valueAt(MONDAY.plus(Duration.ofHours(16)));
    double saturday = t.valueAt(MONDAY.plus(Duration.ofDays(5)).plus(Duration.ofHours(16)));
    assertThat(saturday / weekday).isBetween(0.25, 0.35);
  }

  @Test
  void spikeRecursDailyAtNoonAndOnceUnannounced() {
    WorkloadTrace t = TraceGenerators.spike(days(4, 11), 100);
    for (int d = 0; d < 4; d++) {
      Instant noon = MONDAY.plus(Duration.ofDays(d)).plus(Duration.ofHours(12));
      assertThat(t.valueAt(noon.minusSeconds(60))).isBetween(85.0, 115.0);
      assertThat(t.valueAt(noon)).isBetween(425.0, 575.0);
      assertThat(t.valueAt(noon.plus(Duration.ofMinutes(19)))).isBetween(425.0, 575.0);
      assertThat(t.valueAt(noon.plus(Duration.ofMinutes(20)))).isBetween(85.0, 115.0);
    }
    long spikeMinutes = t.points().stream().filter(p -> p.requestsPerSecond() > 300).count();
    assertThat(spikeMinutes).isEqualTo(5 * 20);
    long lateOutsideNoon =
        t.points().stream()
            .filter(p -> p.requestsPerSecond() > 300)
            .filter(p -> !p.time().isBefore(MONDAY.plus(Duration.ofDays(2))))
            .filter(p -> Math.abs(p.time().getEpochSecond() % 86_400 - 43_200) > 3600)
            .count();
    assertThat(lateOutsideNoon).isEqualTo(20);
  }

  @Test
  void rampGoesFromStartToEndLinearly() {
    WorkloadTrace t = TraceGenerators.ramp(days(1, 0), 0, 1440);
    assertThat(t.valueAt(MONDAY)).isEqualTo(0.0);
    assertThat(t.valueAt(MONDAY.plus(Duration.ofHours(12)))).isEqualTo(720.0);
    assertThat(t.points().get(t.size() - 1).requestsPerSecond()).isEqualTo(1439.0);
  }

  @Test
  void noisyStaysNonNegativeAndAroundItsMean() {
    WorkloadTrace t = TraceGenerators.noisy(days(2, 5), 100, 0.2);
    double sum = 0;
    for (WorkloadTrace.Point p : t.points()) {
      assertThat(p.requestsPerSecond()).isGreaterThanOrEqualTo(0);
      sum += p.requestsPerSecond();
    }
    assertThat(sum / t.size()).isBetween(50.0, 150.0);
  }

  @Test
  void badParametersAreRefusedNamingTheField() {
    assertThatThrownBy(
            () -> new TraceGenerators.Span(MONDAY, Duration.ofDays(1), Duration.ofMillis(500), 1))
        .hasMessageContaining("resolution");
    assertThatThrownBy(
            () -> new TraceGenerators.Span(MONDAY, Duration.ofMinutes(1), Duration.ofMinutes(1), 1))
        .hasMessageContaining("duration");
    assertThatThrownBy(() -> TraceGenerators.diurnal(days(1, 1), 500, 100))
        .hasMessageContaining("peak: 100.0");
    assertThatThrownBy(() -> TraceGenerators.weekly(days(1, 1), 1, 2, 0))
        .hasMessageContaining("weekendFactor");
    assertThatThrownBy(
            () -> TraceGenerators.spike(days(1, 1), 10, 0.5, LocalTime.NOON, Duration.ofMinutes(5)))
        .hasMessageContaining("factor: 0.5");
    assertThatThrownBy(() -> TraceGenerators.noisy(days(1, 1), 10, 2))
        .hasMessageContaining("volatility");
  }
}
