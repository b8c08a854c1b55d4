package dev.tdeveloper.security.spi;

import dev.tdeveloper.security.SecurityCoreException;

/**
 * A {@link SecretStore} could not do what was asked: its file or server failed, it is closed or
 * corrupt, or (in the subclasses) the request named a secret or version it does not hold or lost a
 * label race. Messages name secrets and versions, never values.
 */
public class SecretStoreException extends SecurityCoreException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception with a message. */
  public SecretStoreException(String message) {
    super(message);
  }

  /** Creates an exception with a message and the underlying failure. */
  public SecretStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
