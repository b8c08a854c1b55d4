package dev.tdeveloper.observability.alert;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * What the router last notified for one aggregation group at one receiver (Alertmanager's
 * notification log entry): when, and which alerts (by fingerprint) were firing and resolved in it.
 * The router compares a group's current alerts with it to decide whether to notify again, and
 * persists it through the {@link dev.tdeveloper.observability.spi.AlertStateStore} so a restarted
 * router does not repeat itself. Immutable and thread-safe.
 *
 * @param groupKey the aggregation group's key
 * @param receiver the receiver notified
 * @param at when the notification was sent
 * @param firing fingerprints of the firing alerts notified
 * @param resolved fingerprints of the resolved alerts notified
 */
public record NotificationLogEntry(
    String groupKey, String receiver, Instant at, Set<Long> firing, Set<Long> resolved) {

  /**
   * Validates the entry.
   *
   * @throws IllegalArgumentException if the group key or receiver is blank
   */
  public NotificationLogEntry {
    Objects.requireNonNull(groupKey, "groupKey");
    Objects.requireNonNull(receiver, "receiver");
    Objects.requireNonNull(at, "at");
    firing = Set.copyOf(Objects.requireNonNull(firing, "firing"));
    resolved = Set.copyOf(Objects.requireNonNull(resolved, "resolved"));
    if (groupKey.isBlank()) {
      throw new IllegalArgumentException("notification log entry: groupKey is blank");
    }
    if (receiver.isBlank()) {
      throw new IllegalArgumentException(
          "notification log entry " + groupKey + ": receiver is blank");
    }
  }

  /** Returns the entry's identity in the log: group key and receiver. */
  public Key key() {
    return new Key(groupKey, receiver);
  }

  /**
   * Identity of a log entry.
   *
   * @param groupKey the aggregation group's key
   * @param receiver the receiver
   */
  public record Key(String groupKey, String receiver) {
    /** Validates the key. */
    public Key {
      Objects.requireNonNull(groupKey, "groupKey");
      Objects.requireNonNull(receiver, "receiver");
    }
  }
}
