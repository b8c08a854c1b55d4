package dev.tdeveloper.compliance.audit;

import dev.tdeveloper.compliance.spi.AuditRecord;
import dev.tdeveloper.compliance.spi.AuditSink;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;

/**
 * An {@link AuditSink} that keeps the log in memory: the default of {@link AuditLogger#builder()},
 * for tests and for services that ship their audit events elsewhere. Nothing survives the process,
 * so every {@link Durability} means "stored in memory"; {@link #sync()} has nothing to force.
 * Supports retention ({@link #removeEventsBefore}) with the SPI's guarantee that leaf hashes are
 * kept. Thread-safe: readers run concurrently and are handed copies taken under a read lock.
 */
public final class InMemoryAuditSink implements AuditSink {
  private static final int HASH = AuditRecord.HASH_LENGTH;
  private static final int LEAF_CHUNK = 1024;

  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private final ArrayList<AuditRecord> retained = new ArrayList<>();
  private final ArrayList<String> checkpoints = new ArrayList<>();
  private byte[] leaves = new byte[HASH * 1024];
  private long size;
  private long firstRetained;
  private boolean closed;

  /** Creates an empty log. */
  public InMemoryAuditSink() {}

  @Override
  public long size() {
    lock.readLock().lock();
    try {
      requireOpen();
      return size;
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public long firstRetained() {
    lock.readLock().lock();
    try {
      requireOpen();
      return firstRetained;
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public void append(List<AuditRecord> records) {
    Objects.requireNonNull(records, "records");
    lock.writeLock().lock();
    try {
      requireOpen();
      long expected = size;
      for (AuditRecord r : records) {
        if (Objects.requireNonNull(r, "record").sequence() != expected) {
          throw new IllegalArgumentException(
              "audit record sequence does not follow on: expected "
                  + expected
                  + ", got "
                  + r.sequence()
                  + "; nothing was appended");
        }
        expected++;
      }
      if ((expected * HASH) > Integer.MAX_VALUE - 8) {
        throw new IllegalStateException(
            "the in-memory audit log is full at " + size + " entries; use a file sink");
      }
      int needed = (int) (expected * HASH);
      if (needed > leaves.length) {
        leaves =
            Arrays.copyOf(
                leaves,
                (int) Math.min(Integer.MAX_VALUE - 8, Math.max(needed, 2L * leaves.length)));
      }
      for (AuditRecord r : records) {
        System.arraycopy(r.leafHash(), 0, leaves, (int) (r.sequence() * HASH), HASH);
        retained.add(r);
      }
      size = expected;
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Does nothing but check that the sink is open: memory has nothing to force. */
  @Override
  public void sync() {
    lock.readLock().lock();
    try {
      requireOpen();
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public void read(long from, long to, Consumer<AuditRecord> consumer) {
    Objects.requireNonNull(consumer, "consumer");
    List<AuditRecord> copy;
    lock.readLock().lock();
    try {
      requireOpen();
      checkRange(from, to, firstRetained);
      copy =
          new ArrayList<>(
              retained.subList((int) (from - firstRetained), (int) (to - firstRetained)));
    } finally {
      lock.readLock().unlock();
    }
    copy.forEach(consumer);
  }

  @Override
  public void readLeafHashes(long from, long to, Consumer<byte[]> consumer) {
    Objects.requireNonNull(consumer, "consumer");
    lock.readLock().lock();
    try {
      requireOpen();
      checkRange(from, to, 0);
    } finally {
      lock.readLock().unlock();
    }
    byte[] chunk = new byte[HASH * (int) Math.min(LEAF_CHUNK, to - from)];
    byte[] hash = new byte[HASH];
    for (long start = from; start < to; start += LEAF_CHUNK) {
      int count = (int) Math.min(LEAF_CHUNK, to - start);
      lock.readLock().lock();
      try {
        requireOpen(); // leaf hashes are never removed, so the range checked above stays valid
        System.arraycopy(leaves, (int) (start * HASH), chunk, 0, count * HASH);
      } finally {
        lock.readLock().unlock();
      }
      for (int i = 0; i < count; i++) {
        System.arraycopy(chunk, i * HASH, hash, 0, HASH);
        consumer.accept(hash);
      }
    }
  }

  /**
   * Applies retention: forgets the events of every entry before {@code sequence}, keeping their
   * leaf hashes. Does nothing if they are already gone.
   *
   * @throws IllegalArgumentException if {@code sequence} is negative or beyond {@link #size()}
   */
  public void removeEventsBefore(long sequence) {
    lock.writeLock().lock();
    try {
      requireOpen();
      if (sequence < 0 || sequence > size) {
        throw new IllegalArgumentException(
            "retention point must be 0 to " + size + " (the log's size), got " + sequence);
      }
      if (sequence > firstRetained) {
        retained.subList(0, (int) (sequence - firstRetained)).clear();
        firstRetained = sequence;
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  @Override
  public void storeCheckpoint(String signedNote) {
    Objects.requireNonNull(signedNote, "signedNote");
    if (signedNote.isBlank()) {
      throw new IllegalArgumentException("a signed checkpoint must not be blank");
    }
    lock.writeLock().lock();
    try {
      requireOpen();
      checkpoints.add(signedNote);
    } finally {
      lock.writeLock().unlock();
    }
  }

  @Override
  public List<String> checkpoints() {
    lock.readLock().lock();
    try {
      requireOpen();
      return List.copyOf(checkpoints);
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public void close() {
    lock.writeLock().lock();
    try {
      closed = true;
    } finally {
      lock.writeLock().unlock();
    }
  }

  private void checkRange(long from, long to, long first) {
    if (from < first || to > size || from > to) {
      throw new IllegalArgumentException(
          "range [" + from + ", " + to + ") is outside [" + first + ", " + size + "]");
    }
  }

  private void requireOpen() {
    if (closed) {
      throw new IllegalStateException("the in-memory audit sink is closed");
    }
  }

  @Override
  public String toString() {
    return "InMemoryAuditSink[size=" + size + ", firstRetained=" + firstRetained + "]";
  }
}
