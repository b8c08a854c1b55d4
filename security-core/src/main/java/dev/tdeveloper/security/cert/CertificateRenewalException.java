package dev.tdeveloper.security.cert;

import dev.tdeveloper.security.SecurityCoreException;

/**
 * A {@link CertificateRenewer} has no usable key material: the file is missing or unreadable and
 * issuing a new certificate failed. The message names the file and the issuer's reason, never a
 * key.
 */
public class CertificateRenewalException extends SecurityCoreException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception with a message. */
  public CertificateRenewalException(String message) {
    super(message);
  }
}
