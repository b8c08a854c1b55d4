package dev.tdeveloper.tenancy;

/**
 * Root of every exception that tenancy-core throws for an operational failure (a tenant not found,
 * an illegal lifecycle transition, a cross-tenant access). Invalid arguments are reported with
 * {@link IllegalArgumentException} and {@link NullPointerException}, as the JDK does.
 */
public class TenancyException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a message.
   *
   * @param message what went wrong, naming the tenant and value involved
   */
  public TenancyException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a message and a cause.
   *
   * @param message what went wrong, naming the tenant and value involved
   * @param cause the underlying failure
   */
  public TenancyException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * Creates an exception for a hot-path rejection: no stack trace is filled in, so rejecting is
   * cheap.
   *
   * @param message what went wrong
   * @param cheap marker parameter; the value is ignored
   */
  protected TenancyException(String message, boolean cheap) {
    super(message, null, false, false);
  }
}
