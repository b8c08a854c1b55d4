package dev.tdeveloper.benchmarks.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns a {@link FaultTimeline} into figures: for the whole phase, requests, failures, availability
 * and the share of a 99.99% error budget spent; for each fault (its window holds the requests sent
 * from its start to the next fault's, or the phase's end, except that a request that failed after
 * the next fault had struck counts in that fault's window: it was in flight when the demo was
 * killed or its backend restarted, so the later fault caused its failure), the failures, the time
 * from the fault to the first request served that was sent once its first failure had been
 * answered, the measured MTTR (the time from the fault to the first request served that was sent
 * once its last failure had been answered, when at least {@code sustain} of requests without
 * failure follow inside the window) and how the demo failed. A fault that caused no failure
 * recovered at once (zero). Times are when requests were sent. Stateless.
 */
public final class FaultAnalysis {
  /** The availability target the error budget is computed against: {@value}. */
  public static final double AVAILABILITY_TARGET = 0.9999;

  /**
   * One fault's figures.
   *
   * @param mark the fault as injected
   * @param requests answers in its window
   * @param failed failed answers in its window
   * @param answers answers in its window by kind
   * @param writerUnavailable the writer's 503 answers in the window
   * @param writerRetryAfter how many of those carried {@code Retry-After}
   * @param firstServed from the fault to the first non-failed answer after its first failure
   * @param recovered from the fault to sustained service (the measured MTTR); empty when the window
   *     ended first
   * @param behaviour how the demo answered while failing, in words
   */
  public record FaultStats(
      FaultTimeline.Mark mark,
      long requests,
      long failed,
      Map<FaultAnswer, Long> answers,
      long writerUnavailable,
      long writerRetryAfter,
      Optional<Duration> firstServed,
      Optional<Duration> recovered,
      String behaviour) {
    /** Copies the counts. */
    public FaultStats {
      Objects.requireNonNull(mark, "mark");
      answers = Map.copyOf(answers);
      Objects.requireNonNull(firstServed, "firstServed");
      Objects.requireNonNull(recovered, "recovered");
      Objects.requireNonNull(behaviour, "behaviour");
    }
  }

  /**
   * The whole phase's figures.
   *
   * @param requests every answer of the phase
   * @param failed failed answers
   * @param availability {@code 1 - failed / requests}
   * @param budgetSpent failed answers over those a {@value #AVAILABILITY_TARGET} target allows (1
   *     is the whole budget)
   * @param faults each fault's figures, in order
   */
  public record Summary(
      long requests,
      long failed,
      double availability,
      double budgetSpent,
      List<FaultStats> faults) {
    /** Copies the list. */
    public Summary {
      faults = List.copyOf(faults);
    }

    /** Returns the failures the target allows over {@code requests}. */
    public double allowedFailures() {
      return requests * (1 - AVAILABILITY_TARGET);
    }
  }

  private FaultAnalysis() {}

  /**
   * Analyses {@code events} (sorted by time) around {@code marks} (sorted by start), the phase
   * ending at {@code endNanos}.
   *
   * @throws IllegalArgumentException if {@code sustain} is not positive
   */
  public static Summary analyse(
      List<FaultTimeline.Event> events,
      List<FaultTimeline.Mark> marks,
      long endNanos,
      Duration sustain) {
    if (sustain.isNegative() || sustain.isZero()) {
      throw new IllegalArgumentException("sustain must be positive, was " + sustain);
    }
    long failed = events.stream().filter(e -> e.answer().failed()).count();
    long requests = events.size();
    double allowed = requests * (1 - AVAILABILITY_TARGET);
    List<FaultStats> stats = new ArrayList<>();
    List<List<FaultTimeline.Event>> windows = new ArrayList<>();
    marks.forEach(m -> windows.add(new ArrayList<>()));
    for (FaultTimeline.Event e : events) {
      int sent = lastStartedBy(marks, e.atNanos());
      int owner = e.answer().failed() ? lastStartedBy(marks, e.answeredNanos()) : sent;
      if (sent >= 0 && e.atNanos() < endNanos) {
        windows.get(owner).add(e);
      }
    }
    for (int i = 0; i < marks.size(); i++) {
      stats.add(fault(marks.get(i), windows.get(i), sustain.toNanos()));
    }
    return new Summary(
        requests,
        failed,
        requests == 0 ? 0 : 1 - (double) failed / requests,
        allowed == 0 ? 0 : failed / allowed,
        stats);
  }

  private static FaultStats fault(
      FaultTimeline.Mark mark, List<FaultTimeline.Event> window, long sustainNanos) {
    Map<FaultAnswer, Long> answers = new EnumMap<>(FaultAnswer.class);
    for (FaultAnswer a : FaultAnswer.values()) {
      answers.put(a, window.stream().filter(e -> e.answer() == a).count());
    }
    long failed = window.stream().filter(e -> e.answer().failed()).count();
    long writer503 =
        window.stream()
            .filter(e -> e.fromWriter() && e.answer() == FaultAnswer.UNAVAILABLE)
            .count();
    long writerRetryAfter =
        window.stream()
            .filter(e -> e.fromWriter() && e.answer() == FaultAnswer.UNAVAILABLE && e.retryAfter())
            .count();
    Optional<Duration> firstServed = Optional.of(Duration.ZERO);
    Optional<Duration> recovered = Optional.of(Duration.ZERO);
    if (failed > 0) {
      int first = indexOfFailure(window, true);
      int last = indexOfFailure(window, false);
      firstServed = servedAfter(window, first).map(e -> since(mark, e));
      recovered =
          servedAfter(window, last)
              .filter(e -> window.get(window.size() - 1).atNanos() - e.atNanos() >= sustainNanos)
              .map(e -> since(mark, e));
    }
    return new FaultStats(
        mark,
        window.size(),
        failed,
        answers,
        writer503,
        writerRetryAfter,
        firstServed,
        recovered,
        behaviour(answers, writer503, writerRetryAfter));
  }

  /** The index of the last mark started at or before {@code nanos}, -1 when none. */
  private static int lastStartedBy(List<FaultTimeline.Mark> marks, long nanos) {
    int found = -1;
    for (int i = 0; i < marks.size() && marks.get(i).startNanos() <= nanos; i++) {
      found = i;
    }
    return found;
  }

  private static int indexOfFailure(List<FaultTimeline.Event> window, boolean first) {
    int found = -1;
    for (int i = 0; i < window.size(); i++) {
      if (window.get(i).answer().failed()) {
        found = i;
        if (first) {
          break;
        }
      }
    }
    return found;
  }

  private static Optional<FaultTimeline.Event> servedAfter(
      List<FaultTimeline.Event> window, int index) {
    long failedAt = window.get(index).answeredNanos();
    return window.subList(index + 1, window.size()).stream()
        .filter(e -> !e.answer().failed() && e.atNanos() >= failedAt)
        .findFirst();
  }

  private static Duration since(FaultTimeline.Mark mark, FaultTimeline.Event e) {
    return Duration.ofNanos(Math.max(0, e.atNanos() - mark.startNanos()));
  }

  /** Describes the failures, most frequent first. */
  static String behaviour(Map<FaultAnswer, Long> answers, long writer503, long retryAfter) {
    List<Map.Entry<FaultAnswer, Long>> failures =
        answers.entrySet().stream()
            .filter(e -> e.getKey().failed() && e.getValue() > 0)
            .sorted(Map.Entry.<FaultAnswer, Long>comparingByValue().reversed())
            .toList();
    if (failures.isEmpty()) {
      return "served throughout: no failed request";
    }
    List<String> parts = new ArrayList<>();
    for (Map.Entry<FaultAnswer, Long> f : failures) {
      parts.add(
          switch (f.getKey()) {
            case NO_ANSWER ->
                f.getValue() + " without an answer (connection refused, reset or timeout)";
            case SERVER_ERROR -> f.getValue() + " 5xx other than 503";
            default ->
                f.getValue()
                    + " 503"
                    + (writer503 == 0
                        ? ""
                        : " (writes: " + retryAfter + " of " + writer503 + " with Retry-After)");
          });
    }
    return String.join("; ", parts);
  }
}
