package dev.tdeveloper.security.crypto;

import dev.tdeveloper.security.SecurityCoreException;

/**
 * Root of the exceptions thrown by envelope encryption and key management: {@link
 * DecryptionException} for ciphertext that cannot be opened, {@link
 * dev.tdeveloper.security.spi.KeyManagerException} (and its subclasses) for key store failures and
 * unusable keys. Messages never contain key material or plaintext.
 */
public class CryptoException extends SecurityCoreException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception with a message. */
  public CryptoException(String message) {
    super(message);
  }

  /** Creates an exception with a message and a cause. */
  public CryptoException(String message, Throwable cause) {
    super(message, cause);
  }
}
