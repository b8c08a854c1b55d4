package dev.tdeveloper.compliance.audit;

import dev.tdeveloper.compliance.ComplianceException;

/**
 * An audit entry could not be stored, or the logger refuses new entries because an earlier write
 * failed: an audit log fails closed rather than drop events silently.
 */
public class AuditWriteException extends ComplianceException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message which entries failed and why
   * @param cause the sink's failure
   */
  public AuditWriteException(String message, Throwable cause) {
    super(message, cause);
  }
}
