package dev.tdeveloper.dr.backup;

/** Whether a backup reads every file or only those changed since its parent. */
public enum BackupType {
  /** Reads and chunks every file of the source. */
  FULL,
  /**
   * Takes the latest backup of the same source as parent and reuses its chunk lists for files whose
   * size and modification time are unchanged, reading only the others. The manifest still lists
   * every file's chunks, so it restores on its own and its parent may be deleted.
   */
  INCREMENTAL
}
