package dev.tdeveloper.web.audit;

import dev.tdeveloper.compliance.audit.AuditBackpressureException;
import dev.tdeveloper.compliance.audit.AuditEntry;
import dev.tdeveloper.compliance.audit.AuditEvent;
import dev.tdeveloper.compliance.audit.AuditLogger;
import dev.tdeveloper.compliance.audit.AuditQuery;
import dev.tdeveloper.compliance.audit.AuditReceipt;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Logs to an in-memory logger and hands each event to the test, or refuses every event with
 * backpressure as a full queue would. Thread-safe.
 */
final class RecordingAuditLogger implements AuditLogger {
  private final AuditLogger delegate = AuditLogger.inMemory();
  private final BlockingQueue<AuditEvent> events = new LinkedBlockingQueue<>();
  private volatile boolean refusing;

  void refuse() {
    refusing = true;
  }

  /** Waits up to 10 s for the next event the filter logged (a filter answering early races it). */
  AuditEvent next() throws InterruptedException {
    AuditEvent event = events.poll(10, TimeUnit.SECONDS);
    if (event == null) {
      throw new AssertionError("no audit event was logged within 10 s");
    }
    return event;
  }

  /** Returns the events logged so far, without waiting. */
  List<AuditEvent> drained() {
    List<AuditEvent> all = new java.util.ArrayList<>();
    events.drainTo(all);
    return all;
  }

  @Override
  public AuditReceipt log(AuditEvent event) {
    throw new UnsupportedOperationException(
        "the filter submits its events: it never needs a receipt computed on the request thread");
  }

  @Override
  public long submit(AuditEvent event) {
    if (refusing) {
      throw new AuditBackpressureException("queue full", 1, Duration.ZERO);
    }
    long sequence = delegate.submit(event);
    events.add(event);
    return sequence;
  }

  @Override
  public AuditReceipt logAndWait(AuditEvent event) {
    throw new UnsupportedOperationException("the filter must never wait for durability");
  }

  @Override
  public long size() {
    return delegate.size();
  }

  @Override
  public Optional<AuditEntry> entry(long sequence) {
    return delegate.entry(sequence);
  }

  @Override
  public List<AuditEntry> query(AuditQuery query) {
    return delegate.query(query);
  }

  @Override
  public void close() {
    delegate.close();
  }
}
