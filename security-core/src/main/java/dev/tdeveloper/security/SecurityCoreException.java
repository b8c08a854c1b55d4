package dev.tdeveloper.security;

/**
 * Root of the exceptions security-core throws for operational failures. Invalid arguments are
 * reported with {@link IllegalArgumentException} / {@link NullPointerException}. (Named so as not
 * to shadow {@link java.lang.SecurityException}.)
 */
public class SecurityCoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception with a message. */
  public SecurityCoreException(String message) {
    super(message);
  }

  /** Creates an exception with a message and a cause. */
  public SecurityCoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
