package dev.tdeveloper.tenancy.spi;

import dev.tdeveloper.tenancy.TenancyException;

/** Thrown when a {@link BillingExporter} cannot export aggregates: no customer, an I/O failure. */
public class BillingExportException extends TenancyException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a message.
   *
   * @param message what failed, naming the tenant or destination
   */
  public BillingExportException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a message and a cause.
   *
   * @param message what failed, naming the tenant or destination
   * @param cause the underlying failure
   */
  public BillingExportException(String message, Throwable cause) {
    super(message, cause);
  }
}
