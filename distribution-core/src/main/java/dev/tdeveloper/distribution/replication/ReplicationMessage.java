package dev.tdeveloper.distribution.replication;

import java.util.Objects;

/**
 * A {@link Change} as a channel delivers it: with the sequence number the channel gave it in its
 * origin's stream (1, 2, 3, ... per origin, without gaps). Immutable and thread-safe.
 *
 * @param sequence the position in the origin's stream, 1 or more
 * @param change the change
 */
public record ReplicationMessage(long sequence, Change change) {
  /** Validates the sequence. */
  public ReplicationMessage {
    Objects.requireNonNull(change, "change");
    if (sequence < 1) {
      throw new IllegalArgumentException("sequence " + sequence + " is invalid; allowed: 1+");
    }
  }
}
