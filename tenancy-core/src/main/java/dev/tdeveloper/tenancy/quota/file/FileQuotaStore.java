package dev.tdeveloper.tenancy.quota.file;

import dev.tdeveloper.tenancy.internal.DirectoryLock;
import dev.tdeveloper.tenancy.internal.GroupCommit;
import dev.tdeveloper.tenancy.spi.QuotaAddResult;
import dev.tdeveloper.tenancy.spi.QuotaKey;
import dev.tdeveloper.tenancy.spi.QuotaStore;
import dev.tdeveloper.tenancy.spi.QuotaStoreException;
import dev.tdeveloper.tenancy.usage.file.FsyncPolicy;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The durable default {@link QuotaStore} on one machine: counters in memory, every change appended
 * to a local log before it is acknowledged, so a monthly quota survives restarts and crashes.
 *
 * <p><b>Why its own log, not a rebuild from the usage log.</b> Quotas are general: any resource,
 * metered or not, and {@link #subtract} releases units (a deleted seat, a finished export), which a
 * usage log of consumption cannot represent. Rebuilding quotas from usage would also couple two
 * features that are configured separately. So quota state has its own store.
 *
 * <p><b>Format.</b> Each change appends a framed record {@code [int length][int CRC32C][payload]}
 * holding the counter's key, its new <em>absolute</em> value and its expiry, so replay is
 * idempotent (see {@code CounterCodec}). When {@link #tryAdd} or {@link #subtract} returns, its
 * record is as durable as the {@link FsyncPolicy} says; the default {@link
 * FsyncPolicy#GROUP_COMMIT} forces it to the device first, while concurrent callers share one
 * flush. The log is preallocated with zeros so that a flush carries no metadata; closing cuts them,
 * and opening cuts those a crash left. Rejected adds, adds for an ended window and subtracts that
 * change nothing write nothing. Reads (and rejections) may see a change whose caller still waits
 * for its flush.
 *
 * <p><b>Compaction.</b> Once the log reaches the compaction threshold (or the size of the last
 * snapshot, if larger, so compaction stays amortised), the live counters (unexpired, non-zero) are
 * written to a new snapshot with an atomic replace, a new empty log is started and the old
 * generation's files are deleted; {@link #compact()} does it on demand. Every file of a generation
 * is complete before the next step starts, so a crash between any two steps recovers exactly the
 * acknowledged state.
 *
 * <p><b>Recovery.</b> Opening loads the newest snapshot and replays its log. Damage at the end of
 * the log that no valid record follows (a write cut short) is truncated and logged; anything else
 * fails with {@link CorruptQuotaStoreException} naming the file and offset, so acknowledged changes
 * are never dropped silently. A lock on {@code quota.lock} keeps a second store, in this or another
 * process, from opening the same directory.
 *
 * <p>Thread-safe: changes are serialised by one lock, reads are lock-free. After a write, flush or
 * compaction fails the store refuses further changes (the state on disk is unknown); reopen it.
 */
public final class FileQuotaStore implements QuotaStore, AutoCloseable {
  /** Default log size that triggers a compaction: {@value} bytes (16 MiB). */
  public static final long DEFAULT_COMPACTION_THRESHOLD_BYTES = 16L * 1024 * 1024;

  /** Smallest compaction threshold: {@value} bytes. */
  public static final long MIN_COMPACTION_THRESHOLD_BYTES = 4096;

  /** Largest compaction threshold: {@value} bytes (1 GiB). */
  public static final long MAX_COMPACTION_THRESHOLD_BYTES = 1024L * 1024 * 1024;

  private final Path directory;
  private final FsyncPolicy policy;
  private final long threshold;
  private final InstantSource clock;
  private final DirectoryLock directoryLock;
  private final Map<QuotaKey, Counter> counters = new ConcurrentHashMap<>();
  private final ReentrantLock lock = new ReentrantLock(); // changes and appends, never forces
  private final CounterLog log;
  private final GroupCommit commit;
  private volatile boolean closed;

  FileQuotaStore(FileQuotaStoreBuilder builder, DirectoryLock directoryLock) throws IOException {
    this.directory = builder.directory;
    this.policy = builder.policy;
    this.threshold = builder.compactionThreshold;
    this.clock = builder.clock;
    this.directoryLock = directoryLock;
    this.log = CounterLog.open(directory, counters, builder.compactionHook);
    this.commit = new GroupCommit(log::force);
    Instant now = clock.instant();
    counters.values().removeIf(counter -> counter.expiredAt(now));
  }

  /** Returns a builder for a store in {@code directory} (created if missing). */
  public static FileQuotaStoreBuilder builder(Path directory) {
    return new FileQuotaStoreBuilder(directory);
  }

  /**
   * {@inheritDoc}
   *
   * @throws QuotaStoreException if writing or flushing failed, now or earlier; the add is then not
   *     acknowledged
   */
  @Override
  public QuotaAddResult tryAdd(QuotaKey key, long amount, long limit, Instant expiresAt) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(expiresAt, "expiresAt");
    requirePositive("amount", amount);
    requirePositive("limit", limit);
    Instant now = clock.instant();
    if (!expiresAt.isAfter(now)) {
      // The window is already over: decide against an empty counter and keep nothing.
      return amount <= limit ? new QuotaAddResult.Added(amount) : new QuotaAddResult.Rejected(0);
    }
    Counter next;
    long sequence;
    lock.lock();
    try {
      requireUsable();
      Counter counter = live(key, now);
      long used = counter == null ? 0 : counter.value();
      if (used > limit - amount) { // no overflow: both are positive
        return new QuotaAddResult.Rejected(used);
      }
      next = new Counter(used + amount, counter == null ? expiresAt : counter.expiresAt());
      sequence = append(key, next);
    } finally {
      lock.unlock();
    }
    awaitDurable(sequence);
    return new QuotaAddResult.Added(next.value());
  }

  @Override
  public long used(QuotaKey key) {
    Objects.requireNonNull(key, "key");
    requireOpen();
    Counter counter = live(key, clock.instant());
    return counter == null ? 0 : counter.value();
  }

  /**
   * {@inheritDoc}
   *
   * @throws QuotaStoreException if writing or flushing failed, now or earlier
   */
  @Override
  public long subtract(QuotaKey key, long amount) {
    Objects.requireNonNull(key, "key");
    requirePositive("amount", amount);
    long value;
    long sequence;
    lock.lock();
    try {
      requireUsable();
      Counter counter = live(key, clock.instant());
      if (counter == null || counter.value() == 0) {
        return 0;
      }
      value = Math.max(0, counter.value() - amount);
      sequence = append(key, new Counter(value, counter.expiresAt()));
    } finally {
      lock.unlock();
    }
    awaitDurable(sequence);
    return value;
  }

  /**
   * Compacts now: writes the live counters to a new snapshot, starts a new log and deletes the
   * previous generation; expired and zero counters are dropped, from memory too.
   *
   * @throws QuotaStoreException if a file cannot be written; the store then refuses changes
   */
  public void compact() {
    lock.lock();
    try {
      requireUsable();
      compactLocked();
    } finally {
      lock.unlock();
    }
  }

  /** Forces what was written, closes the files and releases the directory lock; idempotent. */
  @Override
  public void close() {
    lock.lock();
    try {
      if (!closed) {
        closed = true;
        boolean usable = commit.failure() == null;
        commit.exclusive(
            () -> {
              log.close(usable);
              if (usable) {
                commit.forcedAll();
              }
            });
      }
    } catch (IOException e) {
      throw new QuotaStoreException("cannot close quota store " + directory, e);
    } finally {
      lock.unlock();
      directoryLock.close();
    }
  }

  /** Returns the directory holding the store's files. */
  public Path directory() {
    return directory;
  }

  /** Returns the fsync policy. */
  public FsyncPolicy fsyncPolicy() {
    return policy;
  }

  /**
   * Appends the record of {@code key}'s new value, then applies it and compacts if due; returns its
   * sequence. The caller holds the lock.
   */
  private long append(QuotaKey key, Counter next) {
    try {
      log.append(CounterCodec.frame(key, next));
      counters.put(key, next);
      if (policy == FsyncPolicy.EVERY_APPEND) {
        log.force();
      }
    } catch (IOException e) {
      throw fail("cannot append to", e);
    }
    long sequence = commit.written();
    if (log.compactionDue(threshold)) {
      compactLocked(); // the new snapshot holds every record written so far
    }
    return sequence;
  }

  /** With group commit, waits until a force covers record {@code sequence}. */
  private void awaitDurable(long sequence) {
    if (policy != FsyncPolicy.GROUP_COMMIT) {
      return;
    }
    try {
      commit.await(sequence); // without the lock: writers go on appending meanwhile
    } catch (IOException e) {
      throw new QuotaStoreException("cannot flush quota store " + directory, e);
    }
  }

  /** Moves to a new generation holding the live counters; the caller holds the lock. */
  private void compactLocked() {
    Instant now = clock.instant();
    Map<QuotaKey, Counter> live = new LinkedHashMap<>();
    counters.forEach(
        (key, counter) -> {
          if (!counter.expiredAt(now) && counter.value() > 0) {
            live.put(key, counter);
          }
        });
    try {
      commit.exclusive(
          () -> {
            log.compact(live);
            commit.forcedAll();
          });
    } catch (IOException e) {
      throw fail("cannot compact", e);
    }
    counters.keySet().retainAll(live.keySet());
  }

  private Counter live(QuotaKey key, Instant now) {
    Counter counter = counters.get(key);
    return counter == null || counter.expiredAt(now) ? null : counter;
  }

  private void requireOpen() {
    if (closed) {
      throw new IllegalStateException("quota store " + directory + " is closed");
    }
  }

  private void requireUsable() {
    requireOpen();
    IOException failure = commit.failure();
    if (failure != null) {
      throw new QuotaStoreException(
          "quota store " + directory + " failed earlier and refuses changes; reopen it", failure);
    }
  }

  private QuotaStoreException fail(String what, IOException e) {
    commit.poison(e);
    return new QuotaStoreException(what + " quota store " + directory, e);
  }

  private static void requirePositive(String field, long value) {
    if (value <= 0) {
      throw new IllegalArgumentException(field + " must be at least 1, was " + value);
    }
  }
}
