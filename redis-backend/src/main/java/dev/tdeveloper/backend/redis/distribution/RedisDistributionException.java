package dev.tdeveloper.backend.redis.distribution;

import dev.tdeveloper.distribution.DistributionException;

/**
 * Redis could not be reached or answered with an error (down, timed out, out of memory, the
 * component closed): thrown by every type of this package, with a message naming the component, the
 * operation and its key prefix or location, never the server's credentials. The operation may or
 * may not have happened on the server; each type's Javadoc says whether retrying is safe.
 */
public class RedisDistributionException extends DistributionException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what failed, naming the component, operation and key
   * @param cause the driver's exception, or null
   */
  public RedisDistributionException(String message, Throwable cause) {
    super(message, cause);
  }
}
