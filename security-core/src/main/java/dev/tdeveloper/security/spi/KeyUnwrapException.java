package dev.tdeveloper.security.spi;

/**
 * Thrown by {@link KeyManager#unwrap} when a wrapped data key fails authentication: it was altered,
 * or is presented with another tenant, version or associated data than it was wrapped with.
 */
public class KeyUnwrapException extends KeyManagerException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception with a message. */
  public KeyUnwrapException(String message) {
    super(message);
  }
}
