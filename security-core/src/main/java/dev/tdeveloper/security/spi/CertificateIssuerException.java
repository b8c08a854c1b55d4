package dev.tdeveloper.security.spi;

import dev.tdeveloper.security.SecurityCoreException;

/**
 * A {@link CertificateIssuer} could not issue: the CA refused the request, could not be reached, or
 * its own key material is unusable. The message says which and never carries a private key or a
 * credential.
 */
public class CertificateIssuerException extends SecurityCoreException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception with a message. */
  public CertificateIssuerException(String message) {
    super(message);
  }

  /** Creates an exception with a message and a cause. */
  public CertificateIssuerException(String message, Throwable cause) {
    super(message, cause);
  }
}
