package dev.tdeveloper.security.spi;

import dev.tdeveloper.security.SecurityCoreException;

/**
 * A {@link RateLimiterStore} could not make a decision: the server is unreachable or timed out, the
 * store is closed, or it answered something malformed. Backends throw it (wrapping the driver's
 * exception); a store-backed {@link dev.tdeveloper.security.ratelimit.RateLimiter} also wraps any
 * other exception of its store in it.
 */
public class RateLimiterStoreException extends SecurityCoreException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception with a message. */
  public RateLimiterStoreException(String message) {
    super(message);
  }

  /** Creates an exception with a message and the underlying failure. */
  public RateLimiterStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
