package dev.tdeveloper.tenancy.spi;

import dev.tdeveloper.tenancy.TenancyException;

/**
 * Thrown when a {@link QuotaStore} cannot store or read its counters: an I/O failure, a store
 * locked by another process, corrupt stored data. A change whose call threw is not acknowledged.
 */
public class QuotaStoreException extends TenancyException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a message.
   *
   * @param message what failed, naming the store location
   */
  public QuotaStoreException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a message and a cause.
   *
   * @param message what failed, naming the store location
   * @param cause the underlying failure
   */
  public QuotaStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
