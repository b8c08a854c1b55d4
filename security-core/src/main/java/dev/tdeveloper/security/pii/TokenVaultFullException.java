package dev.tdeveloper.security.pii;

import dev.tdeveloper.security.SecurityCoreException;

/** Thrown when a {@link TokenVault} holds as many tokens as it may and a new one is needed. */
public class TokenVaultFullException extends SecurityCoreException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message naming the limit. */
  public TokenVaultFullException(String message) {
    super(message);
  }
}
