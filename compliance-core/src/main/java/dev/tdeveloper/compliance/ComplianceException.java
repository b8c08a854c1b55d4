package dev.tdeveloper.compliance;

/**
 * Root of every exception compliance-core throws for an operational failure (an audit write that
 * failed, a damaged log, a privacy request that cannot run). Invalid arguments are reported with
 * {@link IllegalArgumentException} and {@link NullPointerException}, as the JDK does.
 */
public class ComplianceException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a message.
   *
   * @param message what went wrong, naming the file, index, tenant or request involved
   */
  public ComplianceException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a message and a cause.
   *
   * @param message what went wrong, naming the file, index, tenant or request involved
   * @param cause the underlying failure
   */
  public ComplianceException(String message, Throwable cause) {
    super(message, cause);
  }
}
