package dev.tdeveloper.compliance.audit;

import dev.tdeveloper.compliance.ComplianceException;

/**
 * Stored bytes are not a canonical {@link AuditEvent} encoding: the log is damaged or was written
 * by something else. The message names the first deviation.
 */
public class AuditFormatException extends ComplianceException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what is wrong and where
   */
  public AuditFormatException(String message) {
    super(message);
  }

  /**
   * Creates the exception with a cause.
   *
   * @param message what is wrong and where
   * @param cause the parser's or validator's exception
   */
  public AuditFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
