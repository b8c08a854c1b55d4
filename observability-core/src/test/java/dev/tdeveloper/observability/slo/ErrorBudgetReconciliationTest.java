package dev.tdeveloper.observability.slo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Budgets and window counts of the bucket rings equal a brute-force count of the same synthetic
 * event stream: every event is kept with the minute that was open when it was recorded, and a
 * window of W counts the events of the open bucket and the W buckets before it (minutes up to 6
 * hours, hours beyond).
 */
class ErrorBudgetReconciliationTest {
  static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
  static final List<Duration> WINDOWS =
      List.of(
          Duration.ofMinutes(1),
          Duration.ofMinutes(5),
          Duration.ofMinutes(37),
          Duration.ofHours(1),
          Duration.ofHours(6),
          Duration.ofHours(7),
          Duration.ofDays(1),
          Duration.ofDays(3),
          Duration.ofDays(7),
          Duration.ofDays(28),
          Duration.ofDays(30));

  /** A step of the stream: record events, then move the clock by some seconds and advance. */
  record Step(int good, int bad, long seconds) {}

  @Provide
  Arbitrary<List<Step>> streams() {
    Arbitrary<Long> seconds =
        Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(6, Arbitraries.longs().between(0, 180)),
            net.jqwik.api.Tuple.of(3, Arbitraries.longs().between(180, 8 * 3600)),
            net.jqwik.api.Tuple.of(1, Arbitraries.longs().between(8 * 3600, 9 * 86_400)));
    return Combinators.combine(
            Arbitraries.integers().between(0, 50), Arbitraries.integers().between(0, 5), seconds)
        .as(Step::new)
        .list()
        .ofMaxSize(300);
  }

  @Provide
  Arbitrary<Integer> windowDays() {
    return Arbitraries.of(7, 28, 30);
  }

  @Property(tries = 200)
  void windowCountsAndBudgetMatchBruteForce(
      @ForAll("streams") List<Step> stream, @ForAll("windowDays") int days) {
    ManualClock clock = new ManualClock(START);
    Slo slo = Slo.builder("rolling").objective(0.99).windowDays(days).build();
    SliRecorder recorder = SliRecorder.create(clock, List.of(slo));
    SliSeries series = recorder.series(slo, TenantId.of("acme"));
    List<long[]> events = new ArrayList<>(); // {minute, good, bad}
    long open = minuteOf(clock.instant());
    for (Step step : stream) {
      series.record(step.good(), step.bad());
      events.add(new long[] {open, step.good(), step.bad()});
      clock.advance(Duration.ofSeconds(step.seconds()));
      recorder.advance();
      open = minuteOf(clock.instant());
      check(series, events, open);
    }
    SliCounts week = bruteForce(events, open, Duration.ofDays(days));
    ErrorBudget budget = series.budget();
    assertThat(budget.counts()).isEqualTo(week);
    assertThat(budget.remainingEvents())
        .isCloseTo(0.01 * week.total() - week.bad(), org.assertj.core.data.Offset.offset(1e-6));
    assertThat(budget.consumedFraction())
        .isCloseTo(
            week.total() == 0 ? 0 : week.bad() / (0.01 * week.total()),
            org.assertj.core.data.Offset.offset(1e-9));
  }

  @Property(tries = 100)
  void timesliceCountsMatchBruteForceSlices(
      @ForAll("streams") List<Step> stream, @ForAll("sliceMinutes") int k) {
    ManualClock clock = new ManualClock(START);
    Slo slo =
        Slo.builder("sliced")
            .objective(0.99)
            .windowDays(7)
            .timeslices(Duration.ofMinutes(k), 0.9)
            .build();
    SliRecorder recorder = SliRecorder.create(clock, List.of(slo));
    SliSeries series = recorder.series(slo, TenantId.of("acme"));
    java.util.TreeMap<Long, long[]> slices = new java.util.TreeMap<>(); // first minute -> {g, b}
    for (Step step : stream) {
      series.record(step.good(), step.bad());
      long first = Math.floorDiv(minuteOf(clock.instant()), k) * k;
      long[] slice = slices.computeIfAbsent(first, f -> new long[2]);
      slice[0] += step.good();
      slice[1] += step.bad();
      clock.advance(Duration.ofSeconds(step.seconds()));
      recorder.advance();
      long open = minuteOf(clock.instant());
      List<long[]> closed = new ArrayList<>(); // {last minute, good slice, bad slice}
      slices.forEach(
          (start, gb) -> {
            long total = gb[0] + gb[1];
            if (start + k <= open && total > 0) {
              boolean good = (double) gb[0] / total >= 0.9;
              closed.add(new long[] {start + k - 1, good ? 1 : 0, good ? 0 : 1});
            }
          });
      check(series, closed, open);
    }
  }

  @Provide
  Arbitrary<Integer> sliceMinutes() {
    return Arbitraries.of(1, 5, 15, 60);
  }

  private static void check(SliSeries series, List<long[]> events, long open) {
    for (Duration w : WINDOWS) {
      if (w.compareTo(series.slo().window()) > 0) {
        continue;
      }
      assertThat(series.counts(w)).as("window %s", w).isEqualTo(bruteForce(events, open, w));
    }
  }

  static SliCounts bruteForce(List<long[]> events, long open, Duration window) {
    long total = 0;
    long bad = 0;
    for (long[] e : events) {
      boolean in =
          window.compareTo(Duration.ofHours(6)) <= 0
              ? e[0] >= open - window.toMinutes()
              : Math.floorDiv(e[0], 60) >= Math.floorDiv(open, 60) - window.toHours();
      if (in) {
        total += e[1] + e[2];
        bad += e[2];
      }
    }
    return new SliCounts(total, bad);
  }

  static long minuteOf(Instant t) {
    return Math.floorDiv(t.toEpochMilli(), 60_000);
  }
}
