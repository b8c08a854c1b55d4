package dev.tdeveloper.demo.notes;

import dev.tdeveloper.tenancy.TenantId;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The journal file of one tenant's {@link NoteJournal} and what it holds durably: it writes the
 * records, forces them, writes the {@code 'C'} checkpoint marks and installs rewrites. It owns the
 * last durable mark's position, the bytes written since the last checkpoint began, whether the
 * journal is <em>behind</em> its change log (a write failed: the file may lack a change the log
 * holds), whether a checkpoint is scheduled, and the force lock.
 *
 * <p>Invariant: a mark names only a log position whose changes the forced file holds. So a
 * checkpoint reads the position under the writers' lock (after every change before it was written),
 * forces, then appends the mark; it writes no mark while the journal is behind, but asks for the
 * repair (a compaction from memory, whose rewrite carries its own mark) instead. Forces run outside
 * the writers' lock, which is the journal's monitor ({@code lock}); a writer takes that lock, then
 * the force lock, never the other way round. A force that fails leaves unknown what reached the
 * device (a later force may succeed without the pages it dropped), so it marks the journal behind
 * before it releases the force lock, and a checkpoint that finds the journal behind after its own
 * force repairs instead of writing its mark.
 *
 * <p>Thread-safe: its state is guarded by {@code lock}, which callers of the methods that say so
 * must hold; {@code closed} is written under both locks.
 */
final class NoteCheckpointer {
  /** The position of no checkpoint: {@value}. */
  static final long NONE = -1;

  private static final Logger LOG = LoggerFactory.getLogger(NoteJournal.class); // its messages

  private final Object lock;
  private final Path path;
  private final TenantId tenant;
  private final NoteChangeLog log;
  private final NoteFile file;
  private final Executor checkpoints;
  private final Runnable repair;
  private final ReentrantLock forcing = new ReentrantLock(); // a force never meets a rewrite
  private long checkpoint; // the last durable checkpoint's position
  private long unforced; // bytes written since the last checkpoint began
  // the file may lack a change the log holds: no checkpoint until repaired; set under the lock or,
  // by a failed force, under the force lock (so the next force's caller sees it); cleared under
  // both
  private volatile boolean behind;
  private boolean scheduled;
  private boolean closed;

  /**
   * Takes over {@code file}, whose last mark names {@code checkpoint}; later checkpoints run on
   * {@code checkpoints} and a journal that is behind is repaired by {@code repair}, which must
   * rewrite the file from memory through {@link #rewrite} under {@code lock}.
   */
  NoteCheckpointer(
      Object lock,
      Path path,
      TenantId tenant,
      NoteChangeLog log,
      NoteFile file,
      long checkpoint,
      Executor checkpoints,
      Runnable repair) {
    this.lock = lock;
    this.path = path;
    this.tenant = tenant;
    this.log = log;
    this.file = file;
    this.checkpoint = checkpoint;
    this.checkpoints = checkpoints;
    this.repair = repair;
  }

  /**
   * Brings the file up to the log on open, under {@code lock}: re-applies through {@code reapply}
   * the changes the log holds past the last mark, then checkpoints where the log is now (if the
   * file refuses, it stays behind). Without a durable log it voids the mark instead, as later
   * writes are in no log.
   *
   * @throws IllegalStateException if the log no longer holds the changes past the mark
   */
  void recover(Consumer<NoteChangeLog.Change> reapply) {
    if (!log.durable()) {
      if (checkpoint != NONE) {
        file.append(NoteRecords.mark(NoteRecords.CHECKPOINT, NONE));
      }
      return;
    }
    long position = log.position(tenant);
    if (checkpoint != NONE && checkpoint <= position) {
      log.replay(tenant, checkpoint, reapply);
    }
    if (checkpoint != position) {
      // re-applied changes, no mark (every record was forced), or a log that started over
      // (its position is below the mark): force and mark where the log is now
      checkpoint = NONE;
      try {
        checkpoint();
      } catch (RuntimeException e) {
        if (!behind) {
          throw e;
        }
        LOG.warn("notes journal {}: opened behind its change log, which keeps the changes", path);
      }
    }
  }

  /** Returns whether the file may lack a change the log holds (a failed write, not repaired). */
  boolean behind() {
    synchronized (lock) {
      return behind;
    }
  }

  /**
   * Writes a record the log holds (unforced; a failure marks the journal behind, as the log has the
   * change) or, without a durable log, forces it (a failure throws: the change is not made). Under
   * {@code lock}.
   */
  void write(byte[] record) {
    if (!log.durable()) {
      file.append(record);
      return;
    }
    unforced += record.length;
    if (behind) {
      return; // the repair rewrites the file from memory; replay on open re-applies the log
    }
    try {
      file.appendUnforced(record);
    } catch (RuntimeException e) {
      fellBehind("cannot append a change", e);
    }
  }

  /** Marks the journal behind after a failed append or force; the next write repairs it. */
  private void fellBehind(String what, RuntimeException e) {
    behind = true;
    unforced = Math.max(unforced, NoteJournal.CHECKPOINT_BYTES);
    LOG.warn(
        "notes journal {}: {}; the change log keeps it, the journal is repaired by the next"
            + " checkpoint and reopening re-applies it",
        path,
        what,
        e);
  }

  /**
   * Schedules a checkpoint once enough bytes are written since the last one; under {@code lock}.
   */
  void scheduleIfDue() {
    if (log.durable() && unforced >= NoteJournal.CHECKPOINT_BYTES && !scheduled) {
      scheduled = true;
      try {
        checkpoints.execute(this::checkpointQuietly);
      } catch (RejectedExecutionException e) {
        scheduled = false; // shutting down: close() checkpoints
      }
    }
  }

  private void checkpointQuietly() {
    try {
      checkpoint();
    } catch (RuntimeException e) {
      LOG.warn("notes journal {}: checkpoint failed; the change log keeps the changes", path, e);
    }
  }

  /**
   * Makes the log's changes so far unnecessary for recovering the journal: forces every record
   * written, then a checkpoint naming the log's position, or, if the journal is behind, repairs it.
   * Takes {@code lock} only to read the position and to append the mark; forces outside it. Does
   * nothing without a durable log, once closed, or if the last checkpoint covers the position.
   *
   * @throws RuntimeException if the journal cannot be forced or repaired (then it is behind)
   */
  void checkpoint() {
    long position;
    synchronized (lock) {
      scheduled = false;
      if (!log.durable() || closed) {
        return;
      }
      if (behind) {
        repair.run(); // a rewrite from memory, naming the position it holds
        return;
      }
      position = log.position(tenant);
      if (position == checkpoint) {
        return;
      }
      unforced = 0;
    }
    if (!force()) { // every change before the position was written before it was read
      return;
    }
    synchronized (lock) {
      if (closed || checkpoint >= position) {
        return; // a compaction checkpointed past it meanwhile
      }
      if (behind) { // a force failed since the position was read: its changes may not be forced
        repair.run();
        return;
      }
      try {
        file.appendUnforced(NoteRecords.mark(NoteRecords.CHECKPOINT, position));
      } catch (RuntimeException e) {
        fellBehind("cannot append a checkpoint", e);
        throw e;
      }
    }
    if (force()) {
      synchronized (lock) {
        checkpoint = Math.max(checkpoint, position);
      }
    }
  }

  /** Forces the file unless closed (returns false); a failure marks the journal behind. */
  private boolean force() {
    RuntimeException failure;
    forcing.lock();
    try {
      if (closed) {
        return false;
      }
      file.force();
      return true;
    } catch (RuntimeException e) {
      failure = e;
      behind = true; // before the next force: its success would not cover what this one dropped
    } finally {
      forcing.unlock(); // before the monitor: writers take the monitor, then this lock
    }
    synchronized (lock) { // what reached the device is unknown: rewrite before a checkpoint
      fellBehind("cannot force it", failure);
    }
    throw failure;
  }

  /**
   * Installs {@code records} (and, with a durable log, a checkpoint naming the log's position) as
   * the whole file, which then is no longer behind; under {@code lock}.
   *
   * @throws RuntimeException if the rewrite fails (then, with a durable log, the journal is behind)
   */
  void rewrite(List<byte[]> records) {
    long position = log.durable() ? log.position(tenant) : NONE;
    if (position != NONE) {
      records.add(NoteRecords.mark(NoteRecords.CHECKPOINT, position));
    }
    forcing.lock();
    try {
      file.rewrite(records);
    } catch (RuntimeException e) {
      if (log.durable()) { // the file is unchanged or unusable; the log has every change
        behind = true;
        unforced = 0; // retried after as many bytes as a checkpoint, or when asked
      }
      throw e;
    } finally {
      forcing.unlock();
    }
    checkpoint = position;
    behind = false;
    unforced = 0;
  }

  /**
   * Checkpoints what was written since the last checkpoint (if that fails the log keeps the
   * changes, re-applied on open), then closes the file; idempotent. Under {@code lock}.
   */
  void close() {
    try {
      checkpoint();
    } catch (RuntimeException e) {
      LOG.warn(
          "notes journal {}: cannot checkpoint on close; reopening re-applies the log", path, e);
    } finally {
      forcing.lock();
      try {
        if (!closed) {
          closed = true;
          file.close();
        }
      } finally {
        forcing.unlock();
      }
    }
  }
}
