package dev.tdeveloper.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The fault figures from hand-made timelines (times in milliseconds, no clock involved). */
class FaultAnalysisTest {
  private static final long MS = 1_000_000;
  private static final Duration SUSTAIN = Duration.ofSeconds(1);

  private static FaultTimeline.Event at(long ms, int status) {
    return answered(ms, ms, status);
  }

  private static FaultTimeline.Event answered(long sentMs, long answeredMs, int status) {
    return new FaultTimeline.Event(
        sentMs * MS, answeredMs * MS, FaultAnswer.of(status), false, false);
  }

  private static FaultTimeline.Mark mark(Fault fault, long startMs, long endMs) {
    return new FaultTimeline.Mark(fault, startMs * MS, endMs * MS, Optional.empty());
  }

  /** Every 100 ms from {@code fromMs} (inclusive) to {@code toMs} (exclusive), one status. */
  private static List<FaultTimeline.Event> every100(long fromMs, long toMs, int status) {
    List<FaultTimeline.Event> events = new ArrayList<>();
    for (long t = fromMs; t < toMs; t += 100) {
      events.add(at(t, status));
    }
    return events;
  }

  @Test
  void aFaultWithoutFailuresRecoversAtOnceAndSpendsNoBudget() {
    List<FaultTimeline.Event> events = every100(0, 5_000, 200);
    FaultAnalysis.Summary s =
        FaultAnalysis.analyse(
            events, List.of(mark(Fault.REDIS_RESTART, 1_000, 1_200)), 5_000 * MS, SUSTAIN);

    assertThat(s.failed()).isZero();
    assertThat(s.availability()).isEqualTo(1.0);
    FaultAnalysis.FaultStats f = s.faults().get(0);
    assertThat(f.requests()).isEqualTo(40);
    assertThat(f.firstServed()).contains(Duration.ZERO);
    assertThat(f.recovered()).contains(Duration.ZERO);
    assertThat(f.behaviour()).startsWith("served throughout");
  }

  @Test
  void measuresTimeToFirstAndToSustainedServiceFromTheFault() {
    List<FaultTimeline.Event> events = new ArrayList<>(every100(0, 1_000, 200));
    events.addAll(every100(1_000, 2_000, 0)); // killed: no answer
    events.add(at(2_000, 201)); // first served
    events.add(at(2_100, 500)); // a relapse
    events.addAll(every100(2_200, 4_000, 200)); // served for 1.8 s
    FaultAnalysis.Summary s =
        FaultAnalysis.analyse(
            events, List.of(mark(Fault.DEMO_KILL, 1_000, 1_900)), 4_000 * MS, SUSTAIN);

    FaultAnalysis.FaultStats f = s.faults().get(0);
    assertThat(f.failed()).isEqualTo(11);
    assertThat(f.firstServed()).contains(Duration.ofMillis(1_000));
    assertThat(f.recovered()).contains(Duration.ofMillis(1_200));
    assertThat(f.answers().get(FaultAnswer.NO_ANSWER)).isEqualTo(10);
    assertThat(f.answers().get(FaultAnswer.SERVER_ERROR)).isEqualTo(1);
    assertThat(f.behaviour()).startsWith("10 without an answer").contains("1 5xx other than 503");
    assertThat(s.requests()).isEqualTo(40);
    assertThat(s.availability()).isEqualTo(1 - 11 / 40.0);
    assertThat(s.budgetSpent())
        .isCloseTo(11 / (40 * 0.0001), org.assertj.core.data.Offset.offset(1e-6));
  }

  @Test
  void aFaultStillFailingWhenItsWindowEndsHasNotRecovered() {
    List<FaultTimeline.Event> events = new ArrayList<>(every100(0, 1_000, 503));
    events.addAll(every100(1_000, 1_500, 200)); // half a second served: not sustained
    events.addAll(every100(1_500, 3_000, 503)); // the next fault's window: not this one's
    FaultAnalysis.Summary s =
        FaultAnalysis.analyse(
            events,
            List.of(mark(Fault.POSTGRES_RESTART, 0, 100), mark(Fault.DEMO_KILL, 1_500, 1_600)),
            3_000 * MS,
            SUSTAIN);

    FaultAnalysis.FaultStats pg = s.faults().get(0);
    assertThat(pg.requests()).isEqualTo(15);
    assertThat(pg.firstServed()).contains(Duration.ofMillis(1_000));
    assertThat(pg.recovered()).isEmpty();
    assertThat(s.faults().get(1).firstServed()).isEmpty();
    assertThat(s.faults().get(1).recovered()).isEmpty();
  }

  @Test
  void aRequestInFlightWhenTheNextFaultStrikesFailsOnThatFaultNotOnTheOneItWasSentInto() {
    List<FaultTimeline.Event> events = new ArrayList<>(every100(0, 200, 503));
    events.add(answered(150, 250, 503)); // in flight at the restart, answered at 250 ms
    events.addAll(every100(200, 2_950, 200)); // PostgreSQL back: served
    events.add(answered(2_950, 3_050, 0)); // sent before the kill, cut off by it
    events.add(answered(2_960, 2_990, 200)); // answered before the kill: PostgreSQL's
    events.addAll(every100(3_000, 4_000, 0)); // killed
    events.addAll(every100(4_000, 6_000, 200));
    FaultAnalysis.Summary s =
        FaultAnalysis.analyse(
            events,
            List.of(mark(Fault.POSTGRES_RESTART, 0, 100), mark(Fault.DEMO_KILL, 3_000, 3_900)),
            6_000 * MS,
            SUSTAIN);

    FaultAnalysis.FaultStats pg = s.faults().get(0);
    assertThat(pg.failed()).isEqualTo(3);
    assertThat(pg.requests()).isEqualTo(32);
    assertThat(pg.recovered())
        .as("the first request sent once the last failure was answered, at 250 ms")
        .contains(Duration.ofMillis(300));
    FaultAnalysis.FaultStats kill = s.faults().get(1);
    assertThat(kill.failed()).isEqualTo(11);
    assertThat(kill.answers().get(FaultAnswer.NO_ANSWER)).isEqualTo(11);
    assertThat(kill.recovered()).contains(Duration.ofMillis(1_000));
    assertThat(s.requests()).isEqualTo(events.size());
  }

  @Test
  void anAnswerCannotComeBeforeItsRequestWasSent() {
    assertThatThrownBy(() -> answered(10, 9, 200))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("answeredNanos");
  }

  @Test
  void countsTheWritersRetryAfterOn503s() {
    List<FaultTimeline.Event> events =
        List.of(
            new FaultTimeline.Event(0, 0, FaultAnswer.UNAVAILABLE, true, true),
            new FaultTimeline.Event(MS, MS, FaultAnswer.UNAVAILABLE, false, true),
            new FaultTimeline.Event(2 * MS, 2 * MS, FaultAnswer.UNAVAILABLE, false, false));
    FaultAnalysis.FaultStats f =
        FaultAnalysis.analyse(events, List.of(mark(Fault.POSTGRES_RESTART, 0, 1)), 3 * MS, SUSTAIN)
            .faults()
            .get(0);

    assertThat(f.writerUnavailable()).isEqualTo(2);
    assertThat(f.writerRetryAfter()).isEqualTo(1);
    assertThat(f.behaviour()).isEqualTo("3 503 (writes: 1 of 2 with Retry-After)");
  }

  @Test
  void refusalsAreServiceAndFailuresAreUnavailableErrorsAndSilence() {
    assertThat(FaultAnswer.of(201)).isEqualTo(FaultAnswer.SERVED);
    assertThat(FaultAnswer.of(429).failed()).isFalse();
    assertThat(FaultAnswer.of(403).failed()).isFalse();
    assertThat(FaultAnswer.of(503)).isEqualTo(FaultAnswer.UNAVAILABLE);
    assertThat(FaultAnswer.of(500)).isEqualTo(FaultAnswer.SERVER_ERROR);
    assertThat(FaultAnswer.of(0)).isEqualTo(FaultAnswer.NO_ANSWER);
    assertThat(FaultAnswer.of(302).failed()).isTrue();
  }

  @Test
  void rejectsANonPositiveSustainSpan() {
    assertThatThrownBy(() -> FaultAnalysis.analyse(List.of(), List.of(), 0, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sustain must be positive");
  }
}
