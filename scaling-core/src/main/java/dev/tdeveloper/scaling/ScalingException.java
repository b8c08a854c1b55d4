package dev.tdeveloper.scaling;

/**
 * Root of every exception scaling-core throws for an operational or configuration failure (a bad
 * {@code scaling.yaml}, a backend that cannot scale, an open circuit). Invalid arguments to
 * constructors and builders are reported with {@link IllegalArgumentException} and {@link
 * NullPointerException}, as the JDK does, naming the field, the value and what is allowed.
 */
public class ScalingException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a message.
   *
   * @param message what went wrong, naming the autoscaler, backend, check or dependency involved
   */
  public ScalingException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a message and a cause.
   *
   * @param message what went wrong, naming the autoscaler, backend, check or dependency involved
   * @param cause the underlying failure
   */
  public ScalingException(String message, Throwable cause) {
    super(message, cause);
  }
}
