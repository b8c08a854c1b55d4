package dev.tdeveloper.backend.redis.distribution;

import dev.tdeveloper.distribution.DistributionException;
import dev.tdeveloper.distribution.region.RegionId;

/**
 * A publish refused because its origin's stream already holds the configured most unacknowledged
 * entries: back-pressure until the receiver named by {@link #slowestReceiver()} acknowledges (or is
 * {@linkplain RedisReplicationChannel#forgetReceiver forgotten}). Nothing was published; retrying
 * later is safe. Immutable; the stack trace is not filled, as the publisher is expected to handle
 * it routinely.
 */
public final class ReplicationBacklogFullException extends DistributionException {
  private static final long serialVersionUID = 1L;

  private final String origin;
  private final long backlog;
  private final String slowestReceiver;
  private final long slowestAcknowledged;

  ReplicationBacklogFullException(
      RegionId origin, long backlog, long cap, String slowestReceiver, long slowestAcknowledged) {
    super(
        "the replication stream of "
            + origin
            + " holds "
            + backlog
            + " unacknowledged entries, its cap of "
            + cap
            + "; publishing resumes once "
            + slowestReceiver
            + " acknowledges past sequence "
            + slowestAcknowledged);
    this.origin = origin.value();
    this.backlog = backlog;
    this.slowestReceiver = slowestReceiver;
    this.slowestAcknowledged = slowestAcknowledged;
  }

  /** Leaves the stack trace empty: a routine rejection. */
  @Override
  public synchronized Throwable fillInStackTrace() {
    return this;
  }

  /**
   * Returns the origin whose stream is full.
   *
   * @return the origin
   */
  public RegionId origin() {
    return RegionId.of(origin);
  }

  /**
   * Returns how many entries the stream holds.
   *
   * @return the backlog
   */
  public long backlog() {
    return backlog;
  }

  /**
   * Returns the receiver holding the oldest unacknowledged entry.
   *
   * @return the receiver
   */
  public RegionId slowestReceiver() {
    return RegionId.of(slowestReceiver);
  }

  /**
   * Returns the sequence up to which the slowest receiver is done.
   *
   * @return the sequence
   */
  public long slowestAcknowledged() {
    return slowestAcknowledged;
  }
}
