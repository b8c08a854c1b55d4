package dev.tdeveloper.tenancy.spi;

import dev.tdeveloper.tenancy.TenancyException;

/**
 * Thrown when a {@link UsageStore} cannot store or read usage events: an I/O failure, a store
 * locked by another process, corrupt stored data. An event whose append threw is not acknowledged.
 */
public class UsageStoreException extends TenancyException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a message.
   *
   * @param message what failed, naming the store location
   */
  public UsageStoreException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a message and a cause.
   *
   * @param message what failed, naming the store location
   * @param cause the underlying failure
   */
  public UsageStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
