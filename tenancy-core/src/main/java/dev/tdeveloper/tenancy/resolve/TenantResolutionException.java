package dev.tdeveloper.tenancy.resolve;

import dev.tdeveloper.tenancy.TenancyException;

/**
 * Thrown when a request carries a tenant signal that is malformed or forbidden. Thrown per request
 * on a hot path, so it fills in no stack trace. Web layers answer it with 400 Bad Request.
 */
public class TenantResolutionException extends TenancyException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message which source, which (escaped) value and what was wrong with it
   */
  public TenantResolutionException(String message) {
    super(message, true);
  }
}
