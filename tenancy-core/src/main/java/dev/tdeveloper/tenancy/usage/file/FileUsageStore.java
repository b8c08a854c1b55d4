package dev.tdeveloper.tenancy.usage.file;

import dev.tdeveloper.tenancy.internal.DirectoryLock;
import dev.tdeveloper.tenancy.internal.GroupCommit;
import dev.tdeveloper.tenancy.spi.UsageStore;
import dev.tdeveloper.tenancy.spi.UsageStoreException;
import dev.tdeveloper.tenancy.usage.UsageEvent;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The durable default {@link UsageStore}: an append-only log in a directory. Each event is a framed
 * record {@code [int length][int CRC32C of payload][payload]}; the payload is compact binary
 * written with {@link java.io.DataOutputStream}: {@code byte version (1)}, {@code UTF tenant},
 * {@code UTF meter}, {@code long value}, {@code long epochSecond}, {@code int nano}, {@code UTF
 * idempotencyKey}, {@code byte dimensionCount}, then {@code UTF key, UTF value} per dimension in
 * key order. Records go into segment files {@code segment-<20-digit index>.log} (each starting with
 * an 8-byte header: magic {@code TDUS}, format 1) that roll once they reach the segment size. The
 * segment being appended to is preallocated with zeros, a mebibyte at a time, so that a force
 * carries no metadata: while the store is open its records end at the first zero record length;
 * rolling and closing cut the zeros, and opening cuts those a crash left (quietly: they are no
 * tear). When {@link #append} returns, the record is as durable as the {@link FsyncPolicy} says.
 *
 * <p>Opening recovers from a crash: damage at the end of the last segment that no valid record
 * follows (a write cut short) is truncated and logged; anything else (a bad record followed by good
 * ones, a damaged earlier segment, a missing segment) fails with {@link CorruptUsageStoreException}
 * naming the file and offset, so acknowledged events are never dropped silently. A lock on {@code
 * usage.lock} ({@link FileChannel#tryLock()}) keeps a second store, in this or another process,
 * from opening the same directory.
 *
 * <p><b>Compaction.</b> {@link #compact(Instant)} deletes the oldest segments whose events are all
 * older than a horizon: whole segments, from the lowest index, never the segment being appended to,
 * and stopping at the first segment holding a newer event; nothing is rewritten and no aggregate is
 * folded, so every event kept is replayed exactly as before. The store cannot know which events its
 * reader still needs, so the horizon comes from the reader: {@link
 * dev.tdeveloper.tenancy.usage.UsageMeter#storeHorizon()} is the instant before which the meter
 * never uses an event again (its replay skips such events as expired, and a retry of one is refused
 * as too late whether or not it is stored), so compacting to it changes none of the meter's answers
 * after a restart; only the {@code expired} count of its replay report shrinks. Call it on a
 * schedule (daily, say). A crash at any point of a compaction reopens to the segments before or
 * after it (see {@link SegmentCompaction}). Besides, segments may be archived or deleted by hand,
 * lowest indices first, while the store is closed and was never compacted.
 *
 * <p>Under {@link FsyncPolicy#GROUP_COMMIT} an append copies its frame into a buffer under the
 * store's lock and waits for the force that covers it; that force's leader writes every buffered
 * frame with one call and then forces ({@link GroupCommit}), so the lock never covers a system call
 * and one write and one force acknowledge a whole batch. A record is acknowledged only once forced,
 * as before; one still in the buffer at a crash was never acknowledged.
 *
 * <p>Thread-safe. After a write or flush fails the store refuses further appends (the state of the
 * page cache is unknown); reopen it to recover.
 */
public final class FileUsageStore implements UsageStore {
  /** Default segment size: {@value} bytes (64 MiB). */
  public static final long DEFAULT_SEGMENT_SIZE_BYTES = 64L * 1024 * 1024;

  /** Smallest segment size: {@value} bytes. */
  public static final long MIN_SEGMENT_SIZE_BYTES = 1024;

  /** Largest segment size: {@value} bytes (1 GiB). */
  public static final long MAX_SEGMENT_SIZE_BYTES = 1024L * 1024 * 1024;

  private static final String LOCK_FILE = "usage.lock";

  private final Path directory;
  private final FsyncPolicy policy;
  private final long segmentSize;
  private final DirectoryLock directoryLock;
  private final ReentrantLock lock = new ReentrantLock();
  private final Consumer<String> hook;
  private final TreeMap<Long, Instant> newestOfClosed = new TreeMap<>();
  private Instant newestOfActive;
  private long firstIndex;
  private final SegmentWriter segment;
  private final GroupCommit commit;
  private final PendingFrames pending = new PendingFrames();
  private boolean closed;

  private FileUsageStore(FileUsageStoreBuilder builder, DirectoryLock directoryLock)
      throws IOException {
    this.directory = builder.directory;
    this.policy = builder.policy;
    this.segmentSize = builder.segmentSize;
    this.directoryLock = directoryLock;
    this.hook = builder.hook;
    long compacted = SegmentCompaction.finishInterrupted(directory);
    List<Path> segments = SegmentFiles.list(directory, compacted);
    List<Instant> newest = SegmentFiles.recover(segments);
    this.firstIndex = segments.isEmpty() ? compacted + 1 : SegmentFiles.index(segments.get(0));
    long index = firstIndex + Math.max(0, segments.size() - 1);
    for (int i = 0; i < newest.size() - 1; i++) {
      newestOfClosed.put(firstIndex + i, newest.get(i));
    }
    this.newestOfActive = newest.isEmpty() ? Instant.MIN : newest.get(newest.size() - 1);
    this.segment = new SegmentWriter(directory, index);
    this.commit = new GroupCommit(this::writePendingAndForce);
  }

  /** Returns a builder for a store in {@code directory} (created if missing). */
  public static FileUsageStoreBuilder builder(Path directory) {
    return new FileUsageStoreBuilder(directory);
  }

  static FileUsageStore open(FileUsageStoreBuilder builder) {
    DirectoryLock directoryLock =
        DirectoryLock.acquire(
            builder.directory,
            LOCK_FILE,
            "usage store",
            f -> new UsageStoreException(f.message(), f.cause()));
    try {
      return new FileUsageStore(builder, directoryLock);
    } catch (IOException e) {
      directoryLock.close();
      throw new UsageStoreException("cannot open usage store " + builder.directory, e);
    } catch (RuntimeException | Error e) {
      directoryLock.close();
      throw e;
    }
  }

  /**
   * {@inheritDoc}
   *
   * @throws UsageStoreException if writing or flushing failed, now or in an earlier append
   */
  @Override
  public void append(UsageEvent event) {
    byte[] frame = EventCodec.frame(Objects.requireNonNull(event, "event"));
    long sequence;
    lock.lock(); // held for the write only: a running force does not hold it
    try {
      requireUsable();
      if (segment.full(pending.size(), frame.length, segmentSize)) {
        commit.exclusive(this::roll);
      }
      if (policy == FsyncPolicy.GROUP_COMMIT) {
        pending.add(frame); // written by the force that covers it
      } else {
        segment.write(frame);
      }
      if (event.timestamp().isAfter(newestOfActive)) {
        newestOfActive = event.timestamp();
      }
      sequence = commit.written();
      if (policy == FsyncPolicy.EVERY_APPEND) {
        segment.force();
      }
    } catch (IOException e) {
      throw fail(e);
    } finally {
      lock.unlock();
    }
    if (policy == FsyncPolicy.GROUP_COMMIT) {
      try {
        commit.await(sequence);
      } catch (IOException e) {
        throw new UsageStoreException("cannot append to usage store " + directory, e);
      }
    }
  }

  @Override
  public void replay(Consumer<? super UsageEvent> consumer) {
    Objects.requireNonNull(consumer, "consumer");
    long lastIndex;
    long lastLimit;
    lock.lock();
    try {
      if (closed) {
        throw new IllegalStateException("usage store " + directory + " is closed");
      }
      if (pending.size() > 0 && commit.failure() == null) { // appends awaiting their force
        commit.exclusive(this::writePending);
      }
      lastIndex = segment.index();
      lastLimit = segment.position();
    } catch (IOException e) {
      throw fail(e);
    } finally {
      lock.unlock();
    }
    SegmentFiles.replay(directory, this::first, lastIndex, lastLimit, consumer);
  }

  /**
   * Deletes the oldest segments whose events are all older than {@code horizon} (see the class
   * comment); the segment being appended to is never deleted. Appends wait while it runs.
   *
   * @return how many segments were deleted
   * @throws IllegalStateException if the store is closed
   * @throws UsageStoreException if the store failed earlier, or deleting failed (the next open
   *     finishes the compaction)
   */
  public int compact(Instant horizon) {
    Objects.requireNonNull(horizon, "horizon");
    lock.lock();
    try {
      requireUsable();
      long through = firstIndex - 1;
      while (through + 1 < segment.index() && newestOfClosed.get(through + 1).isBefore(horizon)) {
        through++;
      }
      if (through < firstIndex) {
        return 0;
      }
      hook.accept(SegmentCompaction.CHOSEN);
      SegmentCompaction.drop(directory, firstIndex, through, hook);
      int dropped = (int) (through - firstIndex + 1);
      newestOfClosed.headMap(through, true).clear();
      firstIndex = through + 1;
      return dropped;
    } catch (IOException e) {
      throw new UsageStoreException("cannot compact usage store " + directory, e);
    } finally {
      lock.unlock();
    }
  }

  /** Returns the index of the oldest segment. */
  private long first() {
    lock.lock();
    try {
      return firstIndex;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void close() {
    lock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      boolean usable = commit.failure() == null;
      commit.exclusive(
          () -> {
            boolean forced = false;
            try {
              if (usable) {
                writePending();
                segment.force();
                commit.forcedAll();
                forced = true;
              }
            } finally {
              segment.close(forced); // cut the preallocated zeros only after a good force
            }
          });
    } catch (IOException e) {
      throw new UsageStoreException("cannot close usage store " + directory, e);
    } finally {
      lock.unlock();
      directoryLock.close();
    }
  }

  /** Returns the directory holding the segments. */
  public Path directory() {
    return directory;
  }

  /** Returns the fsync policy. */
  public FsyncPolicy fsyncPolicy() {
    return policy;
  }

  /** The group commit's force: writes the buffered frames with one call, then forces. */
  private void writePendingAndForce() throws IOException {
    writePending();
    segment.force();
  }

  /**
   * Writes the buffered frames; only under the group commit's force lock (a force or exclusive).
   */
  private void writePending() throws IOException {
    byte[] frames = pending.drain();
    try {
      if (frames.length > 0) {
        segment.write(frames);
      }
    } finally {
      pending.written(); // after the position moved: the bound never undercounts meanwhile
    }
  }

  /** Moves on to the next segment; runs exclusively of forces, under the lock. */
  private void roll() throws IOException {
    writePending();
    segment.force(); // everything written so far, in any policy, before leaving the segment
    commit.forcedAll();
    newestOfClosed.put(segment.index(), newestOfActive);
    newestOfActive = Instant.MIN;
    segment.roll();
  }

  private void requireUsable() {
    if (closed) {
      throw new IllegalStateException("usage store " + directory + " is closed");
    }
    IOException failure = commit.failure();
    if (failure != null) {
      throw new UsageStoreException(
          "usage store " + directory + " failed earlier and refuses appends; reopen it", failure);
    }
  }

  private UsageStoreException fail(IOException e) {
    commit.poison(e);
    return new UsageStoreException("cannot append to usage store " + directory, e);
  }
}
