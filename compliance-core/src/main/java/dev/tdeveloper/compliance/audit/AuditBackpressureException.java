package dev.tdeveloper.compliance.audit;

import dev.tdeveloper.compliance.ComplianceException;
import java.time.Duration;

/**
 * {@link AuditLogger#log} found the logger's queue full for its whole offer timeout (the sink
 * cannot keep up), or was interrupted while waiting; the event was not logged. It carries no stack
 * trace: it is a rejection on a hot path, not a bug.
 */
public class AuditBackpressureException extends ComplianceException {
  private static final long serialVersionUID = 1L;

  private final int queueCapacity;
  private final Duration offerTimeout;

  /**
   * Creates the exception.
   *
   * @param message what happened
   * @param queueCapacity the logger's queue capacity
   * @param offerTimeout how long {@code log} waited for room
   */
  public AuditBackpressureException(String message, int queueCapacity, Duration offerTimeout) {
    super(message);
    this.queueCapacity = queueCapacity;
    this.offerTimeout = offerTimeout;
  }

  /** Returns the logger's queue capacity. */
  public int queueCapacity() {
    return queueCapacity;
  }

  /** Returns how long {@code log} waited for room in the queue. */
  public Duration offerTimeout() {
    return offerTimeout;
  }

  @Override
  public synchronized Throwable fillInStackTrace() {
    return this;
  }
}
