package dev.tdeveloper.compliance.audit;

import java.util.List;
import java.util.Optional;

/**
 * Appends {@link AuditEvent}s to a tamper-evident log. {@link #log} does the expensive work
 * (pseudonymizing, encoding, hashing) on the caller's thread, takes a sequence number and returns
 * at once ({@link #submit} leaves the encoding and hashing to the writer thread); one writer thread
 * stores the entries in order and makes them as durable as the configured {@link Durability}.
 * Thread-safe.
 *
 * <p>The log fails closed: if the sink fails, every entry not yet stored fails its receipt and the
 * logger refuses new events with an {@link AuditWriteException}, so no event is ever dropped
 * silently.
 */
public interface AuditLogger extends AutoCloseable {
  /**
   * Starts a builder; by default the log is kept in memory with {@link Durability#GROUP_COMMIT}.
   */
  static AuditLoggerBuilder builder() {
    return new AuditLoggerBuilder();
  }

  /** Returns a logger with every default: in memory, group commit, the system clock. */
  static AuditLogger inMemory() {
    return builder().build();
  }

  /**
   * Queues an event and returns its receipt at once; its future completes when the entry is
   * durable.
   *
   * @throws AuditBackpressureException if the queue stayed full for the offer timeout
   * @throws AuditWriteException if an earlier write failed (the logger fails closed)
   * @throws IllegalStateException if the logger is closed
   * @throws dev.tdeveloper.compliance.ComplianceException if the pseudonymizer fails
   */
  AuditReceipt log(AuditEvent event);

  /**
   * Queues an event as {@link #log} does, with the same guarantees (once it returns, the event is
   * accepted: it is stored in sequence order or the log fails closed; pseudonyms are taken before
   * it returns, so a later erasure covers it), but without a receipt: the canonical encoding and
   * the leaf hash are computed on the writer thread instead of the caller's. The stored bytes, leaf
   * hash and chain are exactly those {@link #log} gives for the same event. For callers that never
   * look at the receipt, such as a request filter that must not slow the response.
   *
   * <p>The default implementation calls {@link #log}.
   *
   * @return the entry's sequence number
   * @throws AuditBackpressureException if the queue stayed full for the offer timeout
   * @throws AuditWriteException if an earlier write failed (the logger fails closed)
   * @throws IllegalStateException if the logger is closed
   * @throws dev.tdeveloper.compliance.ComplianceException if the pseudonymizer fails
   */
  default long submit(AuditEvent event) {
    return log(event).sequence();
  }

  /**
   * Logs an event and waits until it is durable.
   *
   * @throws AuditWriteException if it could not be stored
   * @throws dev.tdeveloper.compliance.ComplianceException if the thread was interrupted while
   *     waiting (its interrupt flag is set again; the entry stays queued and will be written)
   * @throws AuditBackpressureException if the queue stayed full for the offer timeout
   * @throws IllegalStateException if the logger is closed
   */
  AuditReceipt logAndWait(AuditEvent event);

  /**
   * Returns how many entries the log holds, counting those accepted but not yet stored: the
   * sequence number the next entry gets.
   */
  long size();

  /**
   * Returns a stored entry.
   *
   * @return the entry, or empty if it is not stored yet or retention removed it
   * @throws IllegalArgumentException if {@code sequence} is negative
   */
  Optional<AuditEntry> entry(long sequence);

  /**
   * Returns the stored entries matching a query, in sequence order, at most {@link
   * AuditQuery#limit()} of them. Only entries of the query's tenant (or only platform entries) are
   * ever returned. Entries still queued are not seen.
   */
  List<AuditEntry> query(AuditQuery query);

  /**
   * Stores every accepted entry, syncs, stops the writer thread and closes the sink. Idempotent;
   * {@link #log} afterwards throws {@link IllegalStateException}.
   */
  @Override
  void close();
}
