package dev.tdeveloper.dr;

/**
 * Root of every exception dr-core throws for an operational failure (a missing or corrupt chunk, a
 * backup or restore that failed, a damaged journal). Invalid arguments are reported with {@link
 * IllegalArgumentException} and {@link NullPointerException}, as the JDK does.
 */
public class DrException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a message.
   *
   * @param message what went wrong, naming the backup, chunk, file or step involved
   */
  public DrException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a message and a cause.
   *
   * @param message what went wrong, naming the backup, chunk, file or step involved
   * @param cause the underlying failure
   */
  public DrException(String message, Throwable cause) {
    super(message, cause);
  }
}
