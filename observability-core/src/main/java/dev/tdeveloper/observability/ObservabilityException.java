package dev.tdeveloper.observability;

/**
 * Root of every exception observability-core throws for an operational or data failure (a bad
 * {@code slos.yaml}, unreadable alert state, a notifier that cannot deliver). Invalid arguments to
 * constructors and builders are reported with {@link IllegalArgumentException} and {@link
 * NullPointerException}, as the JDK does, naming the field, the value and what is allowed.
 */
public class ObservabilityException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a message.
   *
   * @param message what went wrong, naming the SLO, alert, receiver or file involved
   */
  public ObservabilityException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a message and a cause.
   *
   * @param message what went wrong, naming the SLO, alert, receiver or file involved
   * @param cause the underlying failure
   */
  public ObservabilityException(String message, Throwable cause) {
    super(message, cause);
  }
}
