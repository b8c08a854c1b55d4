package dev.tdeveloper.web.ratelimit;

import dev.tdeveloper.security.ratelimit.RateLimitKey;
import dev.tdeveloper.security.spi.RateLimiterStoreException;

/**
 * What a {@link RateLimitFilter} tells its listeners: a request it refused. Published on the
 * request thread; admitted requests publish nothing. Immutable.
 */
public sealed interface RateLimitFilterEvent {
  /** Returns the key the request was counted under. */
  RateLimitKey key();

  /**
   * A request was answered 429 because its key's limit was reached.
   *
   * @param key the limited key
   * @param method the HTTP method (escaped, at most 20 characters)
   * @param path the request URI (escaped, at most 200 characters)
   * @param retryAfterSeconds the {@code Retry-After} sent
   */
  record Limited(RateLimitKey key, String method, String path, long retryAfterSeconds)
      implements RateLimitFilterEvent {}

  /**
   * A request was answered 503 because the limiter's store failed (a fail-closed limiter).
   *
   * @param key the key the request would have been counted under
   * @param error the store's failure
   */
  record StoreUnavailable(RateLimitKey key, RateLimiterStoreException error)
      implements RateLimitFilterEvent {}
}
