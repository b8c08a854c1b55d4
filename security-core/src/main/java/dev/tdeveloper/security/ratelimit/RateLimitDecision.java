package dev.tdeveloper.security.ratelimit;

import java.time.Duration;

/**
 * The answer of {@link RateLimiter#tryAcquire}: {@link Allowed} or {@link Denied}. Both report the
 * most restrictive bandwidth of the policy (the one with the fewest permits left), which is what
 * the {@code RateLimit-*} response headers describe. Immutable.
 */
public sealed interface RateLimitDecision {
  /** Returns whether the permits were granted. */
  boolean isAllowed();

  /** Returns the capacity of the most restrictive bandwidth. */
  long limit();

  /** Returns the permits left in the most restrictive bandwidth after this decision. */
  long remaining();

  /** Returns the nanoseconds until the most restrictive bandwidth is full again. */
  long resetAfterNanos();

  /** Returns {@link #resetAfterNanos()} as a duration. */
  default Duration resetAfter() {
    return Duration.ofNanos(resetAfterNanos());
  }

  /**
   * The permits were granted.
   *
   * @param limit capacity of the most restrictive bandwidth
   * @param remaining permits left there
   * @param resetAfterNanos nanoseconds until it is full again
   */
  record Allowed(long limit, long remaining, long resetAfterNanos) implements RateLimitDecision {
    @Override
    public boolean isAllowed() {
      return true;
    }
  }

  /**
   * The permits were refused and nothing was consumed.
   *
   * @param limit capacity of the most restrictive bandwidth
   * @param remaining permits left there (fewer than requested)
   * @param retryAfterNanos nanoseconds until the same request would be allowed
   * @param resetAfterNanos nanoseconds until the bandwidth is full again
   */
  record Denied(long limit, long remaining, long retryAfterNanos, long resetAfterNanos)
      implements RateLimitDecision {
    @Override
    public boolean isAllowed() {
      return false;
    }

    /** Returns {@link #retryAfterNanos()} as a duration. */
    public Duration retryAfter() {
      return Duration.ofNanos(retryAfterNanos);
    }
  }
}
