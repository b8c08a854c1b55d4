package dev.tdeveloper.security.crypto;

/**
 * Thrown when a ciphertext cannot be decrypted: its header is malformed (the message names the
 * field, the value found and what is allowed), or it fails authentication because it was altered,
 * truncated, reordered, or is presented with another tenant or context than it was sealed with.
 */
public class DecryptionException extends CryptoException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception with a message. */
  public DecryptionException(String message) {
    super(message);
  }

  /** Creates an exception with a message and a cause. */
  public DecryptionException(String message, Throwable cause) {
    super(message, cause);
  }
}
