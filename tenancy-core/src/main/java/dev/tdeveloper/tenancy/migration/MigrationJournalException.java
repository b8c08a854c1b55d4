package dev.tdeveloper.tenancy.migration;

import dev.tdeveloper.tenancy.TenancyException;

/**
 * Thrown when a {@link MigrationJournal} cannot read or durably write its records (an I/O error, a
 * file that is not a migration journal, a corrupt or undecodable record). A migration whose
 * progress cannot be recorded stops as interrupted and can be resumed once the journal works.
 */
public final class MigrationJournalException extends TenancyException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message naming the journal and what failed. */
  public MigrationJournalException(String message) {
    super(message);
  }

  /** Creates the exception with a message and the underlying failure, which may be null. */
  public MigrationJournalException(String message, Throwable cause) {
    super(message, cause);
  }
}
