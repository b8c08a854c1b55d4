package dev.tdeveloper.scaling.simulation;

import java.util.Objects;

/**
 * What one replay measured, over the reported part of the trace (after the warm-up). Plain values
 * only, so Jackson writes it as JSON as it is. Immutable and thread-safe.
 *
 * @param autoscaler the autoscaler's name
 * @param from the start of the reported part (ISO-8601)
 * @param to its end, exclusive (ISO-8601)
 * @param simulatedSeconds the length of the reported part
 * @param decisions autoscaler decisions taken in it
 * @param sloViolationMinutes seconds where the offered load exceeded ready replicas x capacity,
 *     divided by 60
 * @param replicaHours replica-seconds of every existing replica, starting ones included, / 3600
 * @param cost {@code replicaHours} x the cost per replica-hour
 * @param scaleResponse how long violation episodes lasted until ready capacity covered the load
 * @param flaps changes of direction within the flap window of the previous change
 * @param peakReplicas the most replicas that existed at once
 */
public record SimulationReport(
    String autoscaler,
    String from,
    String to,
    long simulatedSeconds,
    long decisions,
    double sloViolationMinutes,
    double replicaHours,
    double cost,
    ResponseTimes scaleResponse,
    int flaps,
    int peakReplicas) {
  /** Validates. */
  public SimulationReport {
    Objects.requireNonNull(autoscaler, "autoscaler");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(scaleResponse, "scaleResponse");
  }

  /**
   * Scale response times: for each SLO-violation episode, the seconds from its first violating
   * second until ready capacity covered the load again. An episode still open when the trace ends
   * counts with its length so far and is also counted in {@code unresolved}.
   *
   * @param episodes the number of violation episodes
   * @param maxSeconds the longest episode, 0 when none
   * @param p95Seconds the 95th percentile (nearest rank), 0 when none
   * @param unresolved episodes still open at the end of the trace
   */
  public record ResponseTimes(int episodes, long maxSeconds, long p95Seconds, int unresolved) {}
}
