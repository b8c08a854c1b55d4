package dev.tdeveloper.dr.backup;

import dev.tdeveloper.dr.DrException;
import java.util.List;

/**
 * A chunk a restore needs is missing or corrupt (does not authenticate, decompress or hash to its
 * id). Names the chunk, the backup and every file of it that uses the chunk.
 */
public final class BackupIntegrityException extends DrException {
  private static final long serialVersionUID = 1L;

  private final String chunkId;
  private final String backupId;
  private final List<String> files;

  /** Creates the exception; {@code problem} says what is wrong with the chunk. */
  public BackupIntegrityException(
      String chunkId, String backupId, List<String> files, String problem, Throwable cause) {
    super(
        "chunk "
            + chunkId
            + " of backup "
            + backupId
            + " is "
            + problem
            + "; files using it: "
            + files,
        cause);
    this.chunkId = chunkId;
    this.backupId = backupId;
    this.files = List.copyOf(files);
  }

  /** Returns the id of the missing or corrupt chunk. */
  public String chunkId() {
    return chunkId;
  }

  /** Returns the backup being restored. */
  public String backupId() {
    return backupId;
  }

  /** Returns the paths of the files that use the chunk. */
  public List<String> files() {
    return files;
  }
}
