package dev.tdeveloper.tenancy.spi;

import dev.tdeveloper.tenancy.TenancyException;

/**
 * Thrown when a {@link JobLease} backend cannot answer (server down, timeout, corrupt state). The
 * outcome of the failed call is unknown: a holder that cannot renew should stop its job.
 */
public class JobLeaseException extends TenancyException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a message.
   *
   * @param message what failed, naming the job
   */
  public JobLeaseException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a message and a cause.
   *
   * @param message what failed, naming the job
   * @param cause the underlying failure
   */
  public JobLeaseException(String message, Throwable cause) {
    super(message, cause);
  }
}
