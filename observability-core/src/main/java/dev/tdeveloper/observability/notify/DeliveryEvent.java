package dev.tdeveloper.observability.notify;

import java.time.Duration;
import java.util.Objects;

/**
 * What happened to one notification on its way out of a queued notifier, published to the listeners
 * registered on the notifier's builder (on the notifier's delivery thread, or on the sender's
 * thread for a drop). Events name the notifier, the notification's key and action, and never carry
 * a secret (routing key, webhook URL, signing key): reasons are redacted.
 */
public sealed interface DeliveryEvent {
  /** Returns the notifier's name. */
  String notifier();

  /** Returns the notification's key (its PagerDuty {@code dedup_key}). */
  String key();

  /** Returns the notification's action. */
  Notification.Action action();

  /**
   * The receiver accepted the notification.
   *
   * @param notifier the notifier's name
   * @param key the notification's key
   * @param action the notification's action
   * @param attempts how many attempts it took, from 1
   */
  record Delivered(String notifier, String key, Notification.Action action, int attempts)
      implements DeliveryEvent {
    /** Validates the event. */
    public Delivered {
      Objects.requireNonNull(notifier, "notifier");
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(action, "action");
    }
  }

  /**
   * An attempt failed in a way worth retrying (HTTP 429 or 5xx, an I/O error or timeout); the next
   * attempt follows after {@code delay}.
   *
   * @param notifier the notifier's name
   * @param key the notification's key
   * @param action the notification's action
   * @param attempt the attempt that failed, from 1
   * @param delay the wait before the next attempt (backoff, or the receiver's {@code Retry-After})
   * @param reason why it failed, such as {@code HTTP 503}
   */
  record Retried(
      String notifier,
      String key,
      Notification.Action action,
      int attempt,
      Duration delay,
      String reason)
      implements DeliveryEvent {
    /** Validates the event. */
    public Retried {
      Objects.requireNonNull(notifier, "notifier");
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(action, "action");
      Objects.requireNonNull(delay, "delay");
      Objects.requireNonNull(reason, "reason");
    }
  }

  /**
   * The notification will not be delivered: the receiver refused it (HTTP 4xx other than 429), the
   * attempts ran out, or the notifier closed while it was in flight.
   *
   * @param notifier the notifier's name
   * @param key the notification's key
   * @param action the notification's action
   * @param attempts how many attempts were made
   * @param reason why, such as {@code HTTP 400: Event object is invalid}
   */
  record FailedPermanently(
      String notifier, String key, Notification.Action action, int attempts, String reason)
      implements DeliveryEvent {
    /** Validates the event. */
    public FailedPermanently {
      Objects.requireNonNull(notifier, "notifier");
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(action, "action");
      Objects.requireNonNull(reason, "reason");
    }
  }

  /**
   * The notification was never attempted: the queue was full, or the notifier closed before its
   * turn.
   *
   * @param notifier the notifier's name
   * @param key the notification's key
   * @param action the notification's action
   * @param cause why it was dropped
   */
  record Dropped(String notifier, String key, Notification.Action action, DropCause cause)
      implements DeliveryEvent {
    /** Validates the event. */
    public Dropped {
      Objects.requireNonNull(notifier, "notifier");
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(action, "action");
      Objects.requireNonNull(cause, "cause");
    }
  }

  /** Why a notification was dropped. */
  enum DropCause {
    /** The queue was full and this, the oldest, made room ({@code DROP_OLDEST}). */
    QUEUE_FULL_OLDEST_DROPPED,
    /** The queue was full and this, the newest, was refused ({@code REJECT_NEWEST}). */
    QUEUE_FULL_NEWEST_REJECTED,
    /** The notifier closed and its drain timeout passed before this one's turn. */
    CLOSED_BEFORE_DELIVERY
  }
}
