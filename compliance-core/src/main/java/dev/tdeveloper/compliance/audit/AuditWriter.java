package dev.tdeveloper.compliance.audit;

import dev.tdeveloper.compliance.audit.integrity.KeyedChain;
import dev.tdeveloper.compliance.spi.AuditRecord;
import dev.tdeveloper.compliance.spi.AuditSink;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The body of the writer thread: takes batches from the queue in sequence order, encodes and hashes
 * the entries submitted without it, extends the keyed chain, stores them with the configured
 * durability, tells the leaf observer and completes the receipts. On any failure it fails the rest
 * of the batch and everything queued after it, and stops: the logger then refuses new events.
 * Confined to the writer thread.
 */
final class AuditWriter implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(AuditWriter.class);

  /** The most entries one append (and, in group commit, one sync) covers. */
  static final int MAX_BATCH = 4096;

  private final LoggerSettings settings;
  private final AuditSink sink;
  private final EntryQueue queue;
  private final Optional<KeyedChain> chain;
  private byte[] chainValue;

  /** The leaf hashes of the current batch's entries, in batch order. */
  private final List<byte[]> leaves = new ArrayList<>();

  /** How many entries of the current batch are stored and completed. */
  private int completed;

  /** Whether entries were appended since the last sync; read by close() after the thread ends. */
  private volatile boolean unsynced;

  AuditWriter(LoggerSettings settings, EntryQueue queue, byte[] chainValue) {
    this.settings = settings;
    this.sink = settings.sink();
    this.queue = queue;
    this.chain = settings.keyedChain();
    this.chainValue = chainValue;
  }

  boolean unsynced() {
    return unsynced;
  }

  @Override
  public void run() {
    List<PendingEntry> batch = new ArrayList<>();
    long delayNanos = settings.groupCommitDelay().toNanos();
    while (queue.take(MAX_BATCH, batch, delayNanos)) {
      completed = 0;
      try {
        List<AuditRecord> records = records(batch);
        if (settings.durability() == Durability.SYNC) {
          for (int i = 0; i < records.size(); i++) {
            sink.append(List.of(records.get(i)));
            sink.sync();
            complete(batch, i + 1);
          }
        } else {
          sink.append(records);
          if (settings.durability() == Durability.GROUP_COMMIT) {
            sink.sync();
          } else {
            unsynced = true;
          }
          complete(batch, batch.size());
        }
      } catch (RuntimeException | Error e) {
        fail(batch, completed, e);
        return;
      }
      batch.clear();
    }
  }

  /**
   * Returns the batch's records, extending the keyed chain; encodes and hashes the entries whose
   * event was submitted without it, and keeps every entry's leaf hash in {@link #leaves}.
   */
  private List<AuditRecord> records(List<PendingEntry> batch) {
    List<AuditRecord> records = new ArrayList<>(batch.size());
    leaves.clear();
    for (PendingEntry p : batch) {
      PendingEntry.Encoded e = p.encoded();
      leaves.add(e.leafHash());
      if (chain.isPresent()) {
        chainValue = chain.get().next(chainValue, p.sequence(), e.leafHash());
        records.add(AuditRecord.keyed(p.sequence(), e.event(), e.leafHash(), chainValue));
      } else {
        records.add(AuditRecord.of(p.sequence(), e.event(), e.leafHash()));
      }
    }
    return records;
  }

  /** Tells the observer about the batch's entries up to {@code to}, then completes them. */
  private void complete(List<PendingEntry> batch, int to) {
    for (int i = completed; i < to; i++) {
      PendingEntry p = batch.get(i);
      if (settings.leafObserver().isPresent()) {
        settings.leafObserver().get().onLeaf(p.sequence(), leaves.get(i).clone());
      }
      p.durable().complete(null);
      completed = i + 1;
    }
  }

  private void fail(List<PendingEntry> batch, int from, Throwable cause) {
    long first = batch.get(from).sequence();
    AuditWriteException failure =
        new AuditWriteException(
            "storing audit entry "
                + first
                + " failed ("
                + cause
                + "); it and every later entry failed",
            cause);
    List<PendingEntry> failed = new ArrayList<>(batch.subList(from, batch.size()));
    long last = failed.get(failed.size() - 1).sequence();
    LOG.error("audit log failed closed: entries {} to {} were not stored", first, last, cause);
    // The event goes out before any receipt fails, so whoever sees a failed receipt can also
    // find the event.
    settings
        .listeners()
        .publish(
            new AuditLogEvent.WriteFailed(
                first, last, cause.toString(), settings.clock().instant()));
    queue.fail(failure, failed);
    for (PendingEntry p : failed) {
      p.durable().completeExceptionally(failure);
    }
  }
}
