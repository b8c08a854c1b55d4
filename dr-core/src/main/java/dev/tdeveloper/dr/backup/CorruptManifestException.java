package dev.tdeveloper.dr.backup;

import dev.tdeveloper.dr.DrException;

/**
 * A stored manifest that cannot be trusted: its hash does not match its content (tampered or
 * damaged), it does not parse, or it belongs to another scope or id. Names the backup.
 */
public final class CorruptManifestException extends DrException {
  private static final long serialVersionUID = 1L;

  private final String backupId;

  /** Creates the exception for {@code backupId}, saying what is wrong. */
  public CorruptManifestException(String backupId, String problem) {
    super("manifest of backup " + backupId + " is corrupt: " + problem);
    this.backupId = backupId;
  }

  /** Returns the id of the backup whose manifest is corrupt. */
  public String backupId() {
    return backupId;
  }
}
