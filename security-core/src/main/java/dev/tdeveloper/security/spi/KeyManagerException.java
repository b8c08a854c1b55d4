package dev.tdeveloper.security.spi;

import dev.tdeveloper.security.crypto.CryptoException;

/**
 * Thrown by a {@link KeyManager} when its store fails (I/O, corruption, a master key that does not
 * match the store) or an operation cannot be done. Messages never contain key material.
 */
public class KeyManagerException extends CryptoException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception with a message. */
  public KeyManagerException(String message) {
    super(message);
  }

  /** Creates an exception with a message and a cause. */
  public KeyManagerException(String message, Throwable cause) {
    super(message, cause);
  }
}
