package dev.tdeveloper.benchmarks.scaling;

import dev.tdeveloper.scaling.simulation.WorkloadTrace;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * Splits the scale response of a replay by load step: a step is a trace point at least {@value
 * #STEP_FACTOR}x the one before it; it is <em>recurring</em> when the trace had a step at the same
 * time of day (within {@value #RECURRENCE_TOLERANCE_SECONDS} s) the day before — what a daily
 * seasonal forecast can learn — and <em>unannounced</em> otherwise. A step's response is the
 * seconds from the step until ready capacity covers the load, 0 when capacity was ready before it.
 * Ready capacity is rebuilt from a {@link DecisionLog} with the simulator's own rules (new replicas
 * ready after the startup delay, scale-in removes the newest first, decisions capped at the max),
 * so a step's response is the length of the violation episode it opened. Stateless and thread-safe.
 */
public final class StepResponses {
  /** The jump from one trace point to the next that counts as a step: {@value}x. */
  public static final double STEP_FACTOR = 2.0;

  /** How far from 24 h before a step the previous day's step may be: {@value} s. */
  public static final long RECURRENCE_TOLERANCE_SECONDS = 300;

  private static final long DAY = 86_400;

  private StepResponses() {}

  /**
   * The responses to one class of steps.
   *
   * @param steps steps of the class in the reported part
   * @param coveredBefore steps whose load the ready capacity already served at the step (response 0
   *     s)
   * @param maxSeconds the longest response, 0 when none
   * @param p95Seconds the 95th percentile (nearest rank), 0 when none
   */
  public record StepClass(int steps, int coveredBefore, long maxSeconds, long p95Seconds) {
    static StepClass of(List<Long> responses) {
      if (responses.isEmpty()) {
        return new StepClass(0, 0, 0, 0);
      }
      long[] sorted = responses.stream().mapToLong(Long::longValue).sorted().toArray();
      int covered = (int) Arrays.stream(sorted).filter(r -> r == 0).count();
      int rank = (int) Math.ceil(0.95 * sorted.length) - 1;
      return new StepClass(sorted.length, covered, sorted[sorted.length - 1], sorted[rank]);
    }
  }

  /**
   * Recurring and unannounced steps of one replay.
   *
   * @param recurring steps the day before also had
   * @param unannounced the other steps
   */
  public record Split(StepClass recurring, StepClass unannounced) {}

  /**
   * Measures the steps of a replay.
   *
   * @param trace the replayed trace
   * @param profile its cluster
   * @param reportFrom the first reported second (epoch seconds): steps before it only serve to
   *     recognise recurring ones
   * @param initialReplicas the replicas ready at the start of the replay
   * @param log every decision of the replay
   * @return the split
   */
  static Split measure(
      WorkloadTrace trace,
      ClusterProfile profile,
      long reportFrom,
      int initialReplicas,
      DecisionLog log) {
    List<WorkloadTrace.Point> points = trace.points();
    TreeSet<Long> all = new TreeSet<>();
    for (int i = 1; i < points.size(); i++) {
      if (points.get(i).requestsPerSecond()
          >= STEP_FACTOR * points.get(i - 1).requestsPerSecond()) {
        all.add(points.get(i).time().getEpochSecond());
      }
    }
    List<Long> recurring = new ArrayList<>();
    List<Long> unannounced = new ArrayList<>();
    long delay = profile.startupDelay().getSeconds();
    double capacity = profile.capacityPerReplica();
    int max = profile.bounds().max();
    long[] readyAt = new long[Math.max(16, initialReplicas)];
    long start = trace.start().getEpochSecond();
    Arrays.fill(readyAt, 0, initialReplicas, start);
    int replicas = initialReplicas;
    int decision = 0;
    int point = 0;
    double load = points.get(0).requestsPerSecond();
    long openSince = -1;
    boolean openRecurring = false;
    long end = trace.end().getEpochSecond();
    for (long s = start; s < end; s++) {
      if (point + 1 < points.size() && points.get(point + 1).time().getEpochSecond() == s) {
        point++;
        load = points.get(point).requestsPerSecond();
      }
      while (decision < log.size() && log.secondAt(decision) == s) {
        int desired = Math.min(log.desiredAt(decision++), max);
        if (desired > readyAt.length) {
          readyAt = Arrays.copyOf(readyAt, Math.max(desired, 2 * readyAt.length));
        }
        Arrays.fill(readyAt, replicas, Math.max(replicas, desired), s + delay);
        replicas = desired;
      }
      boolean covered = load <= ready(readyAt, replicas, s) * capacity;
      if (s >= reportFrom && all.contains(s)) {
        openSince = s;
        openRecurring = isRecurring(all, s);
      }
      if (openSince >= 0 && covered) {
        (openRecurring ? recurring : unannounced).add(s - openSince);
        openSince = -1;
      }
    }
    if (openSince >= 0) {
      (openRecurring ? recurring : unannounced).add(end - openSince);
    }
    return new Split(StepClass.of(recurring), StepClass.of(unannounced));
  }

  private static boolean isRecurring(TreeSet<Long> steps, long s) {
    Long before = steps.ceiling(s - DAY - RECURRENCE_TOLERANCE_SECONDS);
    return before != null && before <= s - DAY + RECURRENCE_TOLERANCE_SECONDS;
  }

  /** Replicas ready at {@code s}: ready times never decrease along the list. */
  private static int ready(long[] readyAt, int replicas, long s) {
    int lo = 0;
    int hi = replicas;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (readyAt[mid] > s) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }
}
