package dev.tdeveloper.dr.backup;

import dev.tdeveloper.dr.DrException;

/**
 * A backup that did not complete: its source could not be read (or changed while read) or the store
 * failed. Nothing was published; chunks it already stored are garbage for the collector.
 */
public final class BackupFailedException extends DrException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; the message names the source, the backup and the cause. */
  public BackupFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
