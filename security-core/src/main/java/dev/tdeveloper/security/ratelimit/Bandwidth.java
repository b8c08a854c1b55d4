package dev.tdeveloper.security.ratelimit;

import java.time.Duration;
import java.util.Objects;

/**
 * One limit of a {@link RateLimitPolicy}: {@code refillTokens} permits per {@code refillPeriod},
 * with bursts of up to {@code capacity} permits. For example {@code
 * Bandwidth.of(200).refilling(100, Duration.ofSeconds(1))} is 100 permits per second with bursts of
 * 200.
 *
 * <p>Under GCRA each permit costs one <em>emission interval</em> {@code T = refillPeriod /
 * refillTokens}, rounded <em>up</em> to the nanosecond so the limiter can only be stricter than the
 * policy, never looser; a burst may borrow up to {@code capacity * T} of future time. Immutable.
 *
 * @param capacity the largest burst, in permits (1 or more)
 * @param refillTokens how many permits come back per period (1 or more, at most one per nanosecond)
 * @param refillPeriod the refill period (positive)
 */
public record Bandwidth(long capacity, long refillTokens, Duration refillPeriod) {
  /** The largest time a burst may borrow, in nanoseconds: 2^61 (about 73 years). */
  public static final long MAX_TOLERANCE_NANOS = 1L << 61;

  /**
   * Validates the bandwidth.
   *
   * @throws IllegalArgumentException naming the field, its value and the allowed range
   */
  public Bandwidth {
    Objects.requireNonNull(refillPeriod, "refillPeriod");
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
    }
    if (refillTokens < 1) {
      throw new IllegalArgumentException("refillTokens must be at least 1, was " + refillTokens);
    }
    if (refillPeriod.isNegative() || refillPeriod.isZero()) {
      throw new IllegalArgumentException("refillPeriod must be positive, was " + refillPeriod);
    }
    long periodNanos;
    try {
      periodNanos = refillPeriod.toNanos();
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(
          "refillPeriod must be at most "
              + Duration.ofNanos(Long.MAX_VALUE)
              + ", was "
              + refillPeriod);
    }
    if (refillTokens > periodNanos) {
      throw new IllegalArgumentException(
          "refillTokens "
              + refillTokens
              + " per "
              + refillPeriod
              + " is more than one permit per nanosecond; the fastest allowed is "
              + periodNanos
              + " per "
              + refillPeriod);
    }
    long interval = ceilDiv(periodNanos, refillTokens);
    if (capacity > MAX_TOLERANCE_NANOS / interval) {
      throw new IllegalArgumentException(
          "capacity "
              + capacity
              + " at "
              + refillTokens
              + " per "
              + refillPeriod
              + " overflows: a full burst would span more than 2^61 ns; at this rate capacity must"
              + " be at most "
              + (MAX_TOLERANCE_NANOS / interval));
    }
  }

  /** Returns a bandwidth of {@code capacity} permits refilled in full every {@code period}. */
  public static Bandwidth simple(long capacity, Duration period) {
    return new Bandwidth(capacity, capacity, period);
  }

  /**
   * Starts a bandwidth with bursts of up to {@code capacity}; finish with {@link Burst#refilling}.
   */
  public static Burst of(long capacity) {
    return new Burst(capacity);
  }

  /** The first half of {@link #of(long)}. */
  public record Burst(long capacity) {
    /** Returns the bandwidth refilling {@code tokens} permits per {@code period}. */
    public Bandwidth refilling(long tokens, Duration period) {
      return new Bandwidth(capacity, tokens, period);
    }
  }

  /** Returns the cost of one permit in nanoseconds, rounded up. */
  public long emissionIntervalNanos() {
    return ceilDiv(refillPeriod.toNanos(), refillTokens);
  }

  /** Returns how far ahead of now a burst may go, in nanoseconds: {@code capacity * T}. */
  public long toleranceNanos() {
    return capacity * emissionIntervalNanos();
  }

  private static long ceilDiv(long x, long y) {
    return -Math.floorDiv(-x, y);
  }

  /** Returns e.g. {@code 200 burst, 100/PT1S}. */
  @Override
  public String toString() {
    return capacity + " burst, " + refillTokens + "/" + refillPeriod;
  }
}
