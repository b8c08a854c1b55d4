package dev.tdeveloper.observability.notify;

import java.time.Duration;
import java.util.Objects;

/**
 * How a queued notifier delivers: the bounded outbound queue and what happens when it is full, the
 * retry schedule (exponential backoff with jitter, capped, or the receiver's {@code Retry-After}),
 * the per-request timeout and how long {@link Notifier#close()} waits to drain the queue.
 *
 * <p>Delivery is in order on one thread per notifier, so a resolve never overtakes its trigger;
 * while a notification waits for a retry the ones behind it wait too, which is what a receiver that
 * rate-limits per key (PagerDuty: about 120 events a minute per routing key) asks for. Immutable.
 *
 * @param queueCapacity how many notifications wait at most; default {@value
 *     #DEFAULT_QUEUE_CAPACITY}
 * @param overflow what a full queue does with one more notification; default {@link
 *     Overflow#DROP_OLDEST}
 * @param maxAttempts attempts per notification, the first included; default {@value
 *     #DEFAULT_MAX_ATTEMPTS}
 * @param initialBackoff the delay before the first retry; doubles per retry; default 500 ms
 * @param maxBackoff the longest backoff delay; default 30 s
 * @param jitter the random spread of each backoff delay, as a fraction in [0, 1): 0.2 waits between
 *     80% and 120% of the delay, so a fleet does not retry in lockstep; default 0.2
 * @param maxRetryAfter the longest {@code Retry-After} honoured; a longer one waits this long;
 *     default 60 s
 * @param requestTimeout how long one attempt may take (connect and response); default 10 s
 * @param drainTimeout how long {@code close()} waits for queued notifications; default 10 s
 */
public record DeliverySettings(
    int queueCapacity,
    Overflow overflow,
    int maxAttempts,
    Duration initialBackoff,
    Duration maxBackoff,
    double jitter,
    Duration maxRetryAfter,
    Duration requestTimeout,
    Duration drainTimeout) {

  /** The default queue capacity. */
  public static final int DEFAULT_QUEUE_CAPACITY = 1000;

  /** The default number of attempts per notification. */
  public static final int DEFAULT_MAX_ATTEMPTS = 6;

  /** The largest queue capacity accepted. */
  public static final int MAX_QUEUE_CAPACITY = 1_000_000;

  private static final DeliverySettings DEFAULTS =
      new DeliverySettings(
          DEFAULT_QUEUE_CAPACITY,
          Overflow.DROP_OLDEST,
          DEFAULT_MAX_ATTEMPTS,
          Duration.ofMillis(500),
          Duration.ofSeconds(30),
          0.2,
          Duration.ofSeconds(60),
          Duration.ofSeconds(10),
          Duration.ofSeconds(10));

  /**
   * What a full queue does with one more notification; either way a {@link DeliveryEvent.Dropped}.
   */
  public enum Overflow {
    /**
     * Drops the oldest queued notification to make room: the newest describes the current state,
     * and the router re-sends what still fires on its repeat interval.
     */
    DROP_OLDEST,
    /** Refuses the new notification and keeps the queue as it is. */
    REJECT_NEWEST
  }

  /**
   * Validates the settings.
   *
   * @throws IllegalArgumentException naming the field, the value and the allowed range
   */
  public DeliverySettings {
    Objects.requireNonNull(overflow, "overflow");
    if (queueCapacity < 1 || queueCapacity > MAX_QUEUE_CAPACITY) {
      throw new IllegalArgumentException(
          "delivery queueCapacity: "
              + queueCapacity
              + " is not between 1 and "
              + MAX_QUEUE_CAPACITY);
    }
    if (maxAttempts < 1 || maxAttempts > 100) {
      throw new IllegalArgumentException(
          "delivery maxAttempts: " + maxAttempts + " is not between 1 and 100");
    }
    positive("initialBackoff", initialBackoff);
    positive("maxBackoff", maxBackoff);
    if (maxBackoff.compareTo(initialBackoff) < 0) {
      throw new IllegalArgumentException(
          "delivery maxBackoff: "
              + maxBackoff
              + " is shorter than initialBackoff "
              + initialBackoff);
    }
    if (!(jitter >= 0 && jitter < 1)) {
      throw new IllegalArgumentException("delivery jitter: " + jitter + " is not in [0, 1)");
    }
    positive("maxRetryAfter", maxRetryAfter);
    positive("requestTimeout", requestTimeout);
    Objects.requireNonNull(drainTimeout, "drainTimeout");
    if (drainTimeout.isNegative()) {
      throw new IllegalArgumentException(
          "delivery drainTimeout: " + drainTimeout + " is negative (zero does not wait)");
    }
  }

  /** Returns the defaults documented on each field. */
  public static DeliverySettings defaults() {
    return DEFAULTS;
  }

  /** Returns a copy with another queue capacity and overflow behaviour. */
  public DeliverySettings withQueue(int queueCapacity, Overflow overflow) {
    return new DeliverySettings(
        queueCapacity,
        overflow,
        maxAttempts,
        initialBackoff,
        maxBackoff,
        jitter,
        maxRetryAfter,
        requestTimeout,
        drainTimeout);
  }

  /**
   * Returns a copy with another retry schedule.
   *
   * @param maxAttempts attempts per notification, the first included
   * @param initialBackoff the delay before the first retry
   * @param maxBackoff the longest backoff delay
   * @param jitter the random spread of each delay, in [0, 1)
   * @param maxRetryAfter the longest {@code Retry-After} honoured
   * @return the copy
   */
  public DeliverySettings withRetries(
      int maxAttempts,
      Duration initialBackoff,
      Duration maxBackoff,
      double jitter,
      Duration maxRetryAfter) {
    return new DeliverySettings(
        queueCapacity,
        overflow,
        maxAttempts,
        initialBackoff,
        maxBackoff,
        jitter,
        maxRetryAfter,
        requestTimeout,
        drainTimeout);
  }

  /** Returns a copy with another per-request timeout and drain timeout. */
  public DeliverySettings withTimeouts(Duration requestTimeout, Duration drainTimeout) {
    return new DeliverySettings(
        queueCapacity,
        overflow,
        maxAttempts,
        initialBackoff,
        maxBackoff,
        jitter,
        maxRetryAfter,
        requestTimeout,
        drainTimeout);
  }

  /**
   * Returns the backoff delay before retry number {@code retry} (1 for the first retry): {@code
   * initialBackoff * 2^(retry-1)}, capped at {@code maxBackoff}, spread by {@code jitter}.
   *
   * @param retry the retry number, from 1
   * @param random a uniform random number in [0, 1)
   * @return the delay
   */
  public Duration backoff(int retry, double random) {
    if (retry < 1) {
      throw new IllegalArgumentException("retry: " + retry + " is not at least 1");
    }
    double base = initialBackoff.toNanos() * Math.pow(2, Math.min(retry - 1, 62));
    double capped = Math.min(base, maxBackoff.toNanos());
    double spread = capped * (1 + jitter * (2 * random - 1));
    return Duration.ofNanos(Math.max(0, Math.round(spread)));
  }

  private static void positive(String field, Duration value) {
    Objects.requireNonNull(value, field);
    if (value.isZero() || value.isNegative()) {
      throw new IllegalArgumentException("delivery " + field + ": " + value + " is not positive");
    }
  }
}
