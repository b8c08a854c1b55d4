package dev.tdeveloper.tenancy.spi;

import dev.tdeveloper.tenancy.TenancyException;

/**
 * Thrown when a {@link ProvisioningJournal} cannot read or durably write its records (an I/O error,
 * a file that is not a journal, a record this version cannot decode). A saga whose progress cannot
 * be recorded stops as if the process had crashed, and can be resumed once the journal works.
 */
public final class ProvisioningJournalException extends TenancyException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message naming the journal and what failed. */
  public ProvisioningJournalException(String message) {
    super(message);
  }

  /** Creates the exception with a message and the underlying failure. */
  public ProvisioningJournalException(String message, Throwable cause) {
    super(message, cause);
  }
}
