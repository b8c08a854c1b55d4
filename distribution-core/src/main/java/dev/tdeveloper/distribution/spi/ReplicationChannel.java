package dev.tdeveloper.distribution.spi;

import dev.tdeveloper.distribution.region.RegionId;
import dev.tdeveloper.distribution.replication.Change;
import dev.tdeveloper.distribution.replication.ReplicationMessage;
import java.util.List;

/**
 * Carries changes between regions, at least once and in order per origin: the transport under
 * replication (in process for tests and simulation; Redis streams or PostgreSQL tables in the
 * backends). Pull-based with cumulative acknowledgements, so a receiver that crashes resumes where
 * it acknowledged.
 *
 * <p>Contract (checked by {@code ReplicationChannelContract} in distribution-testkit):
 *
 * <ul>
 *   <li>{@link #publish} gives the change the next sequence of its origin's stream (1, 2, ...) and
 *       keeps it until every target has acknowledged it.
 *   <li>{@link #poll} returns, for one receiver, the messages targeted at it that it has not
 *       acknowledged, in sequence order per origin, at most {@code max}; polling again without
 *       acknowledging returns them again (at least once).
 *   <li>{@link #acknowledge} is cumulative per (receiver, origin) and never moves backwards.
 *   <li>A receiver never sees a message that does not target it.
 * </ul>
 *
 * <p>Implementations are thread-safe.
 */
public interface ReplicationChannel {
  /**
   * Publishes a change to its targets.
   *
   * @param change the change
   * @return the change with its sequence in the origin's stream
   */
  ReplicationMessage publish(Change change);

  /**
   * Returns unacknowledged messages targeted at {@code receiver}.
   *
   * @param receiver the receiving region
   * @param max the most messages to return, 1 or more
   * @return the messages, in sequence order per origin
   */
  List<ReplicationMessage> poll(RegionId receiver, int max);

  /**
   * Acknowledges every message from {@code origin} up to {@code sequence} for {@code receiver}.
   *
   * @param receiver the receiving region
   * @param origin the origin whose stream is acknowledged
   * @param sequence the last sequence applied; an older one than already acknowledged is ignored
   */
  void acknowledge(RegionId receiver, RegionId origin, long sequence);

  /**
   * Returns the highest sequence {@code receiver} acknowledged from {@code origin}.
   *
   * @param receiver the receiving region
   * @param origin the origin
   * @return the sequence, 0 when none
   */
  long acknowledged(RegionId receiver, RegionId origin);

  /**
   * Returns the highest sequence published by {@code origin}.
   *
   * @param origin the origin
   * @return the sequence, 0 when none
   */
  long published(RegionId origin);
}
