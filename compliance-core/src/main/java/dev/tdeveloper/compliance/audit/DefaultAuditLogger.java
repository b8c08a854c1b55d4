package dev.tdeveloper.compliance.audit;

import dev.tdeveloper.compliance.ComplianceException;
import dev.tdeveloper.compliance.spi.AuditRecord;
import dev.tdeveloper.compliance.spi.AuditSink;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default {@link AuditLogger}: callers pseudonymize, then (with {@link #log}) encode and hash,
 * then take a sequence number and enqueue under one short lock; one daemon thread, {@value
 * #THREAD_NAME}, encodes and hashes what {@link #submit} queued and stores the entries ({@link
 * AuditWriter}). Thread-safe.
 */
final class DefaultAuditLogger implements AuditLogger {
  static final String THREAD_NAME = "audit-writer";
  private static final Logger LOG = LoggerFactory.getLogger(DefaultAuditLogger.class);

  private final LoggerSettings settings;
  private final AuditSink sink;
  private final Optional<EventPseudonymizer> pseudonymizer;
  private final EntryQueue queue;
  private final AuditWriter writer;
  private final Thread thread;
  private final long offerNanos;
  private volatile boolean closed;

  DefaultAuditLogger(LoggerSettings settings) {
    this.settings = settings;
    this.sink = settings.sink();
    this.pseudonymizer =
        settings
            .pseudonymizer()
            .map(
                p ->
                    new EventPseudonymizer(
                        p, settings.personalDetails(), settings.nonPersonalActors()));
    byte[] chain = ChainStart.of(sink, settings.keyedChain());
    this.queue = new EntryQueue(settings.queueCapacity(), sink.size());
    this.writer = new AuditWriter(settings, queue, chain);
    this.offerNanos = settings.offerTimeout().toNanos();
    this.thread = new Thread(writer, THREAD_NAME);
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public AuditReceipt log(AuditEvent event) {
    PendingEntry.Encoded encoded = PendingEntry.Encoded.of(stored(event));
    PendingEntry entry = enqueue(encoded);
    return new AuditReceipt(entry.sequence(), encoded.leafHash(), entry.durable());
  }

  @Override
  public long submit(AuditEvent event) {
    return enqueue(new PendingEntry.Deferred(stored(event))).sequence();
  }

  /** Checks that the logger is open and returns {@code event} as stored: pseudonymized if set. */
  private AuditEvent stored(AuditEvent event) {
    Objects.requireNonNull(event, "event");
    if (closed) {
      throw new IllegalStateException("the audit logger is closed");
    }
    return pseudonymizer.isPresent() ? pseudonymizer.get().apply(event) : event;
  }

  /** Takes a sequence number and queues {@code content}, waiting up to the offer timeout. */
  private PendingEntry enqueue(PendingEntry.Content content) {
    PendingEntry entry;
    try {
      entry = queue.offer(content, offerNanos);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AuditBackpressureException(
          "interrupted while waiting for room in the audit queue; the event was not logged",
          settings.queueCapacity(),
          settings.offerTimeout());
    }
    if (entry == null) {
      settings
          .listeners()
          .publish(
              new AuditLogEvent.Backpressured(
                  settings.queueCapacity(), settings.offerTimeout(), settings.clock().instant()));
      throw new AuditBackpressureException(
          "the audit queue stayed full ("
              + settings.queueCapacity()
              + " entries) for "
              + settings.offerTimeout()
              + "; the event was not logged",
          settings.queueCapacity(),
          settings.offerTimeout());
    }
    return entry;
  }

  @Override
  public AuditReceipt logAndWait(AuditEvent event) {
    AuditReceipt receipt = log(event);
    try {
      receipt.durable().get();
      return receipt;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ComplianceException(
          "interrupted while waiting for audit entry "
              + receipt.sequence()
              + " to become durable; it stays queued and will be written",
          e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      throw new AuditWriteException(
          "audit entry " + receipt.sequence() + " was not stored: " + cause.getMessage(), cause);
    }
  }

  @Override
  public long size() {
    return queue.next();
  }

  @Override
  public Optional<AuditEntry> entry(long sequence) {
    if (sequence < 0) {
      throw new IllegalArgumentException("sequence must be >= 0, got " + sequence);
    }
    requireOpen();
    if (sequence < sink.firstRetained() || sequence >= sink.size()) {
      return Optional.empty();
    }
    List<AuditRecord> found = new ArrayList<>(1);
    try {
      sink.read(sequence, sequence + 1, found::add);
    } catch (IllegalArgumentException retentionMoved) {
      return Optional.empty();
    }
    return found.stream()
        .findFirst()
        .map(
            r ->
                new AuditEntry(r.sequence(), AuditEventCodec.decode(r.eventBytes()), r.leafHash()));
  }

  @Override
  public List<AuditEntry> query(AuditQuery query) {
    Objects.requireNonNull(query, "query");
    requireOpen();
    Optional<String> storedActor = query.actor();
    if (storedActor.isPresent()
        && settings.pseudonymizer().isPresent()
        && !settings.nonPersonalActors().contains(storedActor.get())) {
      storedActor = settings.pseudonymizer().get().lookup(query.tenant(), storedActor.get());
      if (storedActor.isEmpty()) {
        return List.of(); // never pseudonymized (or forgotten): the log holds no entry of it
      }
    }
    return new QueryScanner(query, storedActor).scan(sink);
  }

  private void requireOpen() {
    if (closed) {
      throw new IllegalStateException("the audit logger is closed");
    }
  }

  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    queue.close();
    boolean interrupted = false;
    while (thread.isAlive()) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    try {
      if (writer.unsynced() && !queue.failed()) {
        sink.sync();
      }
    } catch (RuntimeException e) {
      throw new AuditWriteException("the final sync of the audit log failed", e);
    } finally {
      closeSink();
      settings.listeners().publish(new AuditLogEvent.Closed(size(), settings.clock().instant()));
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void closeSink() {
    try {
      sink.close();
    } catch (RuntimeException e) {
      LOG.warn("closing the audit sink failed", e);
    }
  }
}
