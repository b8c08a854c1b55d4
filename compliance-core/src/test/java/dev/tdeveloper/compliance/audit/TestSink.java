package dev.tdeveloper.compliance.audit;

import dev.tdeveloper.compliance.ComplianceException;
import dev.tdeveloper.compliance.spi.AuditRecord;
import dev.tdeveloper.compliance.spi.AuditSink;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * An in-memory sink for logger tests: counts appends and syncs, can hold the writer at a gate, fail
 * on demand, and survives the logger's close so tests can inspect it afterwards.
 */
final class TestSink implements AuditSink {
  final InMemoryAuditSink delegate = new InMemoryAuditSink();
  final AtomicInteger syncs = new AtomicInteger();
  final List<Integer> appendSizes = new CopyOnWriteArrayList<>();
  final CountDownLatch appendEntered = new CountDownLatch(1);
  volatile CountDownLatch appendGate = new CountDownLatch(0);
  volatile CountDownLatch syncGate = new CountDownLatch(0);
  volatile long failAppendFrom = Long.MAX_VALUE;
  volatile boolean failSync;
  volatile boolean closed;

  static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public long size() {
    return delegate.size();
  }

  @Override
  public long firstRetained() {
    return delegate.firstRetained();
  }

  @Override
  public void append(List<AuditRecord> records) {
    appendEntered.countDown();
    await(appendGate);
    if (records.get(records.size() - 1).sequence() >= failAppendFrom) {
      throw new ComplianceException("disk full");
    }
    appendSizes.add(records.size());
    delegate.append(records);
  }

  @Override
  public void sync() {
    await(syncGate);
    if (failSync) {
      throw new ComplianceException("fsync failed");
    }
    syncs.incrementAndGet();
  }

  @Override
  public void read(long from, long to, Consumer<AuditRecord> consumer) {
    delegate.read(from, to, consumer);
  }

  @Override
  public void readLeafHashes(long from, long to, Consumer<byte[]> consumer) {
    delegate.readLeafHashes(from, to, consumer);
  }

  @Override
  public void storeCheckpoint(String signedNote) {
    delegate.storeCheckpoint(signedNote);
  }

  @Override
  public List<String> checkpoints() {
    return delegate.checkpoints();
  }

  /** Marks the sink closed but keeps its content readable. */
  @Override
  public void close() {
    closed = true;
  }

  List<AuditRecord> records() {
    List<AuditRecord> all = new java.util.ArrayList<>();
    delegate.read(delegate.firstRetained(), delegate.size(), all::add);
    return all;
  }
}
