package dev.tdeveloper.compliance.audit;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongConsumer;

/**
 * The bounded hand-over from callers to the writer thread. Sequence numbers are taken under the
 * same short lock that enqueues, so the queue is always in sequence order and without gaps; after a
 * failure or {@link #close()} nothing more is accepted. Thread-safe.
 */
final class EntryQueue {
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition notEmpty = lock.newCondition();
  private final Condition notFull = lock.newCondition();
  private final ArrayDeque<PendingEntry> queue;
  private final int capacity;
  private volatile long next;
  private boolean closed;
  private AuditWriteException failure;
  private final LongConsumer pause;

  EntryQueue(int capacity, long firstSequence) {
    this(capacity, firstSequence, LockSupport::parkNanos);
  }

  /** As the other constructor, with the group-commit pause given (nanoseconds; tests). */
  EntryQueue(int capacity, long firstSequence, LongConsumer pause) {
    this.pause = pause;
    this.capacity = capacity;
    this.queue = new ArrayDeque<>(Math.min(capacity, 1024));
    this.next = firstSequence;
  }

  /** Returns the sequence number the next accepted entry gets. */
  long next() {
    return next;
  }

  /**
   * Takes the next sequence number and enqueues the entry, waiting up to {@code timeoutNanos} for
   * room.
   *
   * @return the pending entry, or null if the queue stayed full
   * @throws IllegalStateException if closed
   * @throws AuditWriteException if a write failed
   */
  PendingEntry offer(PendingEntry.Content content, long timeoutNanos) throws InterruptedException {
    long nanos = timeoutNanos;
    lock.lock(); // short; only waiting for room is interruptible
    try {
      while (true) {
        refuseIfStopped();
        if (queue.size() < capacity) {
          break;
        }
        if (nanos <= 0) {
          return null;
        }
        nanos = notFull.awaitNanos(nanos);
      }
      PendingEntry entry = new PendingEntry(next, content, new CompletableFuture<>());
      queue.addLast(entry);
      next = entry.sequence() + 1;
      notEmpty.signal();
      return entry;
    } finally {
      lock.unlock();
    }
  }

  private void refuseIfStopped() {
    if (failure != null) {
      throw new AuditWriteException(
          "the audit log refuses new events since a write failed: " + failure.getMessage(),
          failure);
    }
    if (closed) {
      throw new IllegalStateException("the audit logger is closed");
    }
  }

  /**
   * Moves up to {@code max} entries into {@code batch}, waiting for at least one; then, when fewer
   * than {@code max} are queued and {@code delayNanos} is positive, sleeps that long (outside the
   * lock, so offers meanwhile wake no one) before taking what is queued by then.
   *
   * @return false if the queue is closed and empty: the writer is done
   */
  boolean take(int max, List<PendingEntry> batch, long delayNanos) {
    lock.lock();
    try {
      while (queue.isEmpty()) {
        if (closed || failure != null) {
          return false;
        }
        notEmpty.awaitUninterruptibly();
      }
      if (delayNanos > 0 && queue.size() < max && !closed) {
        lock.unlock();
        try {
          pause.accept(delayNanos); // an early wake-up only makes the batch smaller
        } finally {
          lock.lock();
        }
      }
      for (int i = 0; i < max && !queue.isEmpty(); i++) {
        batch.add(queue.pollFirst());
      }
      notFull.signalAll();
      return true;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Records a write failure: refuses everything from now on and moves every entry still queued into
   * {@code failed}.
   */
  void fail(AuditWriteException cause, List<PendingEntry> failed) {
    lock.lock();
    try {
      failure = cause;
      failed.addAll(queue);
      queue.clear();
      notFull.signalAll();
      notEmpty.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Returns whether a write failed. */
  boolean failed() {
    lock.lock();
    try {
      return failure != null;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Stops accepting entries; the writer still drains what is queued.
   *
   * @return false if it was already closed
   */
  boolean close() {
    lock.lock();
    try {
      if (closed) {
        return false;
      }
      closed = true;
      notEmpty.signalAll();
      notFull.signalAll();
      return true;
    } finally {
      lock.unlock();
    }
  }
}
