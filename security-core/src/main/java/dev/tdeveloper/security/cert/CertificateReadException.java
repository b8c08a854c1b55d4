package dev.tdeveloper.security.cert;

import dev.tdeveloper.security.SecurityCoreException;

/**
 * Certificates or key material could not be read: the message names the file (or key store) and
 * what is wrong with it, and never quotes a password or key. Thrown by {@link Certificates}, {@link
 * CertificateSource#load()} and the TLS key material loaders.
 */
public class CertificateReadException extends SecurityCoreException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception with a message. */
  public CertificateReadException(String message) {
    super(message);
  }

  /** Creates an exception with a message and a cause. */
  public CertificateReadException(String message, Throwable cause) {
    super(message, cause);
  }
}
