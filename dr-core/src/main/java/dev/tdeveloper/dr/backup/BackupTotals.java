package dev.tdeveloper.dr.backup;

/**
 * What a backup did: files listed, bytes read from the source (unchanged files an incremental
 * backup skipped are not read), chunks written and chunks found already stored, and bytes written
 * to the store (sealed size). Immutable.
 *
 * @param files the files in the backup
 * @param bytesRead bytes read from the source
 * @param chunksNew chunks written to the store
 * @param chunksReused chunk references satisfied by a chunk already stored
 * @param bytesWritten sealed bytes written to the store
 */
public record BackupTotals(
    long files, long bytesRead, long chunksNew, long chunksReused, long bytesWritten) {
  /** Checks that no count is negative. */
  public BackupTotals {
    if (files < 0 || bytesRead < 0 || chunksNew < 0 || chunksReused < 0 || bytesWritten < 0) {
      throw new IllegalArgumentException(
          "BackupTotals counts must be >= 0, got files="
              + files
              + " bytesRead="
              + bytesRead
              + " chunksNew="
              + chunksNew
              + " chunksReused="
              + chunksReused
              + " bytesWritten="
              + bytesWritten);
    }
  }
}
