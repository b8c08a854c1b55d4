package dev.tdeveloper.distribution.replication;

import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a {@link ReplicationSimulator} run observed. Two runs with the same settings (and seed)
 * produce equal reports, including the digest of the converged state.
 *
 * <p>Immutable and thread-safe.
 *
 * @param seed the run's seed
 * @param regions how many regions took part
 * @param updates how many updates the workload made
 * @param converged whether every replica held the same state, with no delta left to ship, before
 *     {@link SimulationSettings#maxDuration()}
 * @param lastHealAt when the last partition healed (zero without partitions)
 * @param lastUpdateAt when the workload made its last update
 * @param convergedAt when convergence was first observed after both; the give-up time if never
 * @param convergenceAfterHeal {@code convergedAt} minus {@code lastHealAt}
 * @param messagesSent (message, target) pairs published
 * @param messagesDelivered messages delivered by polls, not counting duplicates
 * @param messagesLost times a poll lost an arrived message (each later redelivered)
 * @param messagesDuplicated extra copies delivered
 * @param messagesRedelivered deliveries repeating a message after a loss or a lost acknowledgement
 * @param acknowledgementsLost acknowledgements the network lost
 * @param conflictsResolved per kind ({@code lww-register}, {@code or-set}, {@code mv-register}),
 *     merges that combined an incoming update with a concurrent one the receiver held: concurrent
 *     LWW writes (decided by stamp, then region), concurrent add and remove of one element (the add
 *     wins), concurrent MV-register writes (both kept)
 * @param tieBreaks concurrent LWW writes with equal stamps, decided by region id
 * @param lostUpdates differences between the converged state and what the updates imply per the
 *     types' semantics (counter sums, add-wins sets, last writer, maximal concurrent writes); 0
 *     when no update was lost
 * @param stateDigest a SHA-256 prefix of the converged values, topic by topic
 */
public record SimulationReport(
    long seed,
    int regions,
    int updates,
    boolean converged,
    Duration lastHealAt,
    Duration lastUpdateAt,
    Duration convergedAt,
    Duration convergenceAfterHeal,
    long messagesSent,
    long messagesDelivered,
    long messagesLost,
    long messagesDuplicated,
    long messagesRedelivered,
    long acknowledgementsLost,
    Map<String, Long> conflictsResolved,
    long tieBreaks,
    long lostUpdates,
    String stateDigest) {

  /** Copies the conflict counts. */
  public SimulationReport {
    Objects.requireNonNull(lastHealAt, "lastHealAt");
    Objects.requireNonNull(lastUpdateAt, "lastUpdateAt");
    Objects.requireNonNull(convergedAt, "convergedAt");
    Objects.requireNonNull(convergenceAfterHeal, "convergenceAfterHeal");
    conflictsResolved = Collections.unmodifiableMap(new TreeMap<>(conflictsResolved));
    Objects.requireNonNull(stateDigest, "stateDigest");
  }

  /** Returns the conflicts resolved, all kinds together. */
  public long totalConflictsResolved() {
    return conflictsResolved.values().stream().mapToLong(Long::longValue).sum();
  }
}
