package dev.tdeveloper.tenancy.usage.file;

/**
 * When a local-file store ({@link FileUsageStore}, {@link
 * dev.tdeveloper.tenancy.quota.file.FileQuotaStore}) forces appended records to the storage device.
 */
public enum FsyncPolicy {
  /**
   * Every append forces its record before returning: one device flush per event, so appends are
   * serialised by the flush latency. Acknowledged events survive a power failure.
   */
  EVERY_APPEND,
  /**
   * Appends still return only after their record is forced, but concurrent appenders share one
   * flush: while one flush runs, the records written meanwhile wait and are covered by the next
   * one. Same guarantee as {@link #EVERY_APPEND}, far higher throughput under concurrency. The
   * default.
   */
  GROUP_COMMIT,
  /**
   * Appends return once the record is handed to the operating system, which writes it when it
   * likes. Acknowledged events survive the process being killed, but a power failure or kernel
   * crash can lose the last seconds of them. Segments are still forced when they roll and when the
   * store closes.
   */
  NEVER
}
