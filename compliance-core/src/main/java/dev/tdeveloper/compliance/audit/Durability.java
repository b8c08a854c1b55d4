package dev.tdeveloper.compliance.audit;

/**
 * When an appended audit event counts as durable, and so when the future of its {@link
 * AuditReceipt} completes.
 */
public enum Durability {
  /**
   * Written to the operating system without waiting for the device: fastest, but a power loss can
   * lose the last events (a process crash cannot).
   */
  ASYNC,
  /**
   * Forced to the device in batches: one {@code fsync} covers every event appended while the
   * previous one ran, so throughput grows with concurrency. The default.
   */
  GROUP_COMMIT,
  /** Forced to the device one event at a time before the next is appended. */
  SYNC
}
