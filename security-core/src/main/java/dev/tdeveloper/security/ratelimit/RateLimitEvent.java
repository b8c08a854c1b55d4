package dev.tdeveloper.security.ratelimit;

import dev.tdeveloper.security.spi.RateLimiterStoreException;

/**
 * What a rate limiter tells its listeners. Published on the thread that made the decision; allowed
 * decisions publish nothing (they are the hot path). Immutable.
 */
public sealed interface RateLimitEvent {
  /** Returns the key the event concerns (a tenant id, a tenant and route, ...). */
  Object key();

  /**
   * A request was refused.
   *
   * @param key the limited key
   * @param policy the policy name
   * @param permits the permits asked for
   * @param retryAfterNanos nanoseconds until the same request would pass
   */
  record Denied(Object key, String policy, long permits, long retryAfterNanos)
      implements RateLimitEvent {}

  /**
   * A key's policy was replaced at run time; its consumed permits were carried over.
   *
   * @param key the key
   * @param from the old policy name
   * @param to the new policy name
   */
  record PolicyChanged(Object key, String from, String to) implements RateLimitEvent {}

  /**
   * The store of a store-backed limiter failed; the request was then admitted ({@code failedOpen})
   * or the failure was thrown to the caller.
   *
   * @param key the limited key
   * @param policy the policy name
   * @param permits the permits asked for
   * @param failedOpen whether the request was admitted anyway
   * @param error the failure, as thrown (or, failing open, as it would have been thrown)
   */
  record StoreFailed(
      Object key, String policy, long permits, boolean failedOpen, RateLimiterStoreException error)
      implements RateLimitEvent {}
}
