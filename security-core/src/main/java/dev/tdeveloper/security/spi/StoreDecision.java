package dev.tdeveloper.security.spi;

import dev.tdeveloper.security.ratelimit.RateLimitDecision;
import java.util.Objects;

/**
 * What {@link RateLimiterStore#tryAcquire} answers. Allowed: the permits are charged and due in
 * {@code waitNanos} (0 when due now); {@code limit}, {@code remaining} and {@code resetAfterNanos}
 * describe the most restrictive bandwidth as of that due time. Denied: nothing is charged; {@code
 * retryAfterNanos} is when the same request would pass without waiting, and the other figures
 * describe the most restrictive bandwidth now. Immutable.
 *
 * <p><b>Encoding.</b> A backend's script returns the decision as an array of exactly {@value
 * #ENCODED_LENGTH} integers, {@code [allowed, waitNanos, limit, remaining, resetAfterNanos,
 * retryAfterNanos]}, with {@code allowed} 1 or 0, read by {@link #decode(long...)}. Every figure
 * fits in 62 bits; a Lua script computes in doubles, exact only below 2^53 (about 104 days in
 * nanoseconds), so a backend must keep its arithmetic exact for the policies it serves (for example
 * by holding times relative to a recent origin).
 *
 * @param allowed whether the permits were granted
 * @param waitNanos for an allowed decision, how long until the permits are due; 0 when denied
 * @param limit the capacity of the most restrictive bandwidth (1 or more)
 * @param remaining the permits left there, from 0 to {@code limit}
 * @param resetAfterNanos nanoseconds until that bandwidth is full again (0 or more)
 * @param retryAfterNanos for a denial, nanoseconds until the same request would pass (1 or more); 0
 *     when allowed
 */
public record StoreDecision(
    boolean allowed,
    long waitNanos,
    long limit,
    long remaining,
    long resetAfterNanos,
    long retryAfterNanos) {
  /** How many integers {@link #encode()} produces: {@value}. */
  public static final int ENCODED_LENGTH = 6;

  /**
   * Validates the figures.
   *
   * @throws IllegalArgumentException naming the field, its value and what is allowed
   */
  public StoreDecision {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, was " + limit);
    }
    if (remaining < 0 || remaining > limit) {
      throw new IllegalArgumentException(
          "remaining must be between 0 and limit " + limit + ", was " + remaining);
    }
    if (resetAfterNanos < 0) {
      throw new IllegalArgumentException(
          "resetAfterNanos must not be negative, was " + resetAfterNanos);
    }
    if (allowed) {
      if (waitNanos < 0) {
        throw new IllegalArgumentException("waitNanos must not be negative, was " + waitNanos);
      }
      if (retryAfterNanos != 0) {
        throw new IllegalArgumentException(
            "retryAfterNanos must be 0 when allowed, was " + retryAfterNanos);
      }
    } else {
      if (waitNanos != 0) {
        throw new IllegalArgumentException("waitNanos must be 0 when denied, was " + waitNanos);
      }
      if (retryAfterNanos < 1) {
        throw new IllegalArgumentException(
            "retryAfterNanos must be at least 1 when denied, was " + retryAfterNanos);
      }
    }
  }

  /** Returns an allowed decision. */
  public static StoreDecision allowed(
      long waitNanos, long limit, long remaining, long resetAfterNanos) {
    return new StoreDecision(true, waitNanos, limit, remaining, resetAfterNanos, 0);
  }

  /** Returns a denied decision. */
  public static StoreDecision denied(
      long limit, long remaining, long retryAfterNanos, long resetAfterNanos) {
    return new StoreDecision(false, 0, limit, remaining, resetAfterNanos, retryAfterNanos);
  }

  /** Returns {@code [allowed ? 1 : 0, waitNanos, limit, remaining, resetAfter, retryAfter]}. */
  public long[] encode() {
    return new long[] {
      allowed ? 1 : 0, waitNanos, limit, remaining, resetAfterNanos, retryAfterNanos
    };
  }

  /**
   * Reads a decision encoded as by {@link #encode()}.
   *
   * @throws IllegalArgumentException if there are not {@value #ENCODED_LENGTH} values, the first is
   *     not 0 or 1, or the figures are inconsistent
   */
  public static StoreDecision decode(long... values) {
    Objects.requireNonNull(values, "values");
    if (values.length != ENCODED_LENGTH) {
      throw new IllegalArgumentException(
          "an encoded decision has " + ENCODED_LENGTH + " values, had " + values.length);
    }
    if (values[0] != 0 && values[0] != 1) {
      throw new IllegalArgumentException("allowed must be encoded as 1 or 0, was " + values[0]);
    }
    return new StoreDecision(values[0] == 1, values[1], values[2], values[3], values[4], values[5]);
  }

  /** Returns the decision as the limiter reports it (the wait is not part of it). */
  public RateLimitDecision toDecision() {
    return allowed
        ? new RateLimitDecision.Allowed(limit, remaining, resetAfterNanos)
        : new RateLimitDecision.Denied(limit, remaining, retryAfterNanos, resetAfterNanos);
  }
}
