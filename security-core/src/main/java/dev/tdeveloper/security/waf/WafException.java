package dev.tdeveloper.security.waf;

import dev.tdeveloper.security.SecurityCoreException;

/**
 * Rules that cannot be loaded or a WAF that cannot be built: the message names the file and line
 * (as {@code file:line:}), the directive, operator, variable, action or transformation at fault,
 * and what is allowed. Evaluation never throws it: a request always ends in a decision.
 */
public class WafException extends SecurityCoreException {
  private static final long serialVersionUID = 1L;

  /**
   * An exception with a message.
   *
   * @param message what is wrong, where, and what is allowed
   */
  public WafException(String message) {
    super(message);
  }

  /**
   * An exception with a message and a cause.
   *
   * @param message what is wrong, where, and what is allowed
   * @param cause the cause
   */
  public WafException(String message, Throwable cause) {
    super(message, cause);
  }
}
