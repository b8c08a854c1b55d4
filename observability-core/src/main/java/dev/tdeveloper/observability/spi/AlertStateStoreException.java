package dev.tdeveloper.observability.spi;

import dev.tdeveloper.observability.ObservabilityException;

/** An {@link AlertStateStore} could not read or write its state; the message names the store. */
public class AlertStateStoreException extends ObservabilityException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what failed, naming the file or location
   */
  public AlertStateStoreException(String message) {
    super(message);
  }

  /**
   * Creates the exception with a cause.
   *
   * @param message what failed, naming the file or location
   * @param cause the underlying failure
   */
  public AlertStateStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
