package dev.tdeveloper.cost;

/**
 * Root of every exception cost-core throws for an operational or data failure (a bad price book, a
 * bill that cannot be read, a currency mismatch). Invalid arguments to constructors and builders
 * are reported with {@link IllegalArgumentException} and {@link NullPointerException}, as the JDK
 * does, naming the field, the value and what is allowed.
 */
public class CostException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a message.
   *
   * @param message what went wrong, naming the price, row, asset, tenant or budget involved
   */
  public CostException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a message and a cause.
   *
   * @param message what went wrong, naming the price, row, asset, tenant or budget involved
   * @param cause the underlying failure
   */
  public CostException(String message, Throwable cause) {
    super(message, cause);
  }
}
