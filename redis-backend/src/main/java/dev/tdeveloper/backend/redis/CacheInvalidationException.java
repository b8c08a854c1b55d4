package dev.tdeveloper.backend.redis;

import dev.tdeveloper.tenancy.TenancyException;

/**
 * Thrown by {@link RedisCacheInvalidation} when Redis cannot carry an invalidation: subscribing at
 * build time, or publishing one (the local cache has then already been invalidated; the other
 * instances have not).
 */
public class CacheInvalidationException extends TenancyException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a message and a cause.
   *
   * @param message what failed, naming the channel
   * @param cause the underlying failure
   */
  public CacheInvalidationException(String message, Throwable cause) {
    super(message, cause);
  }
}
