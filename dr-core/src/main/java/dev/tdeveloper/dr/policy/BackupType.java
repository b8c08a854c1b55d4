package dev.tdeveloper.dr.policy;

/** Whether a scheduled run copies everything or only what changed since the previous backup. */
public enum BackupType {
  /** Every chunk is read and referenced afresh (stored chunks are still deduplicated). */
  FULL,
  /** Only files changed since the previous backup of the same source are read. */
  INCREMENTAL
}
