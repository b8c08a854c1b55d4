package dev.tdeveloper.demo;

/**
 * A shared backend of the demo ({@code --redis}, {@code --postgres}) cannot be reached or set up;
 * the message names which and why, never a password.
 */
public final class DemoBackendException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with {@code message} and its {@code cause}. */
  public DemoBackendException(String message, Throwable cause) {
    super(message, cause);
  }
}
