package dev.tdeveloper.security.tls;

import dev.tdeveloper.security.SecurityCoreException;

/**
 * A TLS configuration cannot be put in force: the JVM lacks a protocol or cipher suite the {@link
 * TlsPolicy} requires, or key material cannot be turned into an {@code SSLContext}. The message
 * names what is missing; it never carries a password or key.
 */
public class TlsConfigurationException extends SecurityCoreException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception with a message. */
  public TlsConfigurationException(String message) {
    super(message);
  }

  /** Creates an exception with a message and a cause. */
  public TlsConfigurationException(String message, Throwable cause) {
    super(message, cause);
  }
}
