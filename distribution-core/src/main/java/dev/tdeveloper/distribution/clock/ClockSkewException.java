package dev.tdeveloper.distribution.clock;

import dev.tdeveloper.distribution.DistributionException;
import java.time.Duration;
import java.util.Objects;

/**
 * A remote HLC stamp was further ahead of the local physical clock than the configured maximum
 * offset allows, so {@link Hlc#update} refused it and left the clock unchanged: accepting it would
 * drag every later local stamp into the remote clock's future. Usually a peer whose clock is wrong.
 */
public final class ClockSkewException extends DistributionException {
  private static final long serialVersionUID = 1L;

  private final HlcTimestamp remote;
  private final long physicalMillis;
  private final Duration maxOffset;

  /**
   * Creates the exception.
   *
   * @param remote the refused stamp
   * @param physicalMillis the local physical time when it was refused, in epoch milliseconds
   * @param maxOffset the configured maximum offset
   */
  public ClockSkewException(HlcTimestamp remote, long physicalMillis, Duration maxOffset) {
    super(
        "remote HLC stamp "
            + Objects.requireNonNull(remote, "remote")
            + " is "
            + (remote.physicalMillis() - physicalMillis)
            + " ms ahead of the local physical clock ("
            + physicalMillis
            + " ms); the maximum offset is "
            + Objects.requireNonNull(maxOffset, "maxOffset").toMillis()
            + " ms");
    this.remote = remote;
    this.physicalMillis = physicalMillis;
    this.maxOffset = maxOffset;
  }

  /** Returns the refused remote stamp. */
  public HlcTimestamp remote() {
    return remote;
  }

  /** Returns the local physical time when the stamp was refused, in epoch milliseconds. */
  public long physicalMillis() {
    return physicalMillis;
  }

  /** Returns the maximum offset the stamp exceeded. */
  public Duration maxOffset() {
    return maxOffset;
  }
}
