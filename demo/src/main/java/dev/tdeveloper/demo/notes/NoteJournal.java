package dev.tdeveloper.demo.notes;

import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.internal.RecordFormat;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One tenant's notes on disk: an append-only journal file ({@link NoteFile}) of sealed notes, a
 * torn tail cut off on open. Records ({@link NoteRecords}) hold only envelope ciphertext, never
 * note text.
 *
 * <p>Durability: with a {@link NoteChangeLog#durable() durable} change log, the log's forced write
 * is the commit point, as a database's write-ahead log is: once {@code put} or {@code delete} has
 * told the log, the change is applied in memory and acknowledged even if appending it to this
 * journal then fails, because opening re-applies it from the log. A failed append (or force, or
 * compaction) marks the journal <em>behind</em>: it may lack a change the log holds, so it writes
 * no checkpoint until a compaction has rewritten it from memory (the repair, tried by the next
 * checkpoint); until then the log keeps the changes. A change the log refuses is not applied. So
 * the answer a caller got always agrees with what survives a restart.
 *
 * <p>Records are written but not forced; a checkpoint forces them and then a {@code 'C'} record
 * naming the log's position, so the log's changes before it are no longer needed. Each {@value
 * #CHECKPOINT_BYTES} bytes written schedule one on the {@code checkpoints} executor, off the
 * writer's thread: it takes the writers' lock (this object's monitor) only to read the position and
 * to append the mark, and forces outside it, so a checkpoint never names a position whose changes
 * the forced file lacks. Checkpoints also run on close and when {@link NoteStore#checkpoint} asks
 * (before the log is truncated), and a compaction writes one. Opening re-applies the log's changes
 * from the last checkpoint (a change already in the journal is skipped, so it is idempotent) and
 * checkpoints (if the file refuses the writes, it opens behind). Without a durable log every record
 * is forced before the call returns, and a failed write is not applied.
 *
 * <p>The journal compacts itself (a crash-safe rewrite holding {@code 'N'}, the live notes and a
 * checkpoint) once superseded records outnumber live ones. Writers must hold this object's monitor
 * ({@link NoteStore} does); {@link #notes()} may be read concurrently.
 */
final class NoteJournal implements AutoCloseable {
  static final RecordFormat FORMAT =
      RecordFormat.crc32c("TDVNOTE1".getBytes(StandardCharsets.US_ASCII), 64 * 1024);
  private static final Logger LOG = LoggerFactory.getLogger(NoteJournal.class);
  private static final int COMPACT_MIN_DEAD = 64;
  private static final long NONE = -1;

  /** Bytes written after which a checkpoint is scheduled: {@value}. */
  static final long CHECKPOINT_BYTES = 1 << 20;

  /**
   * A note as stored: its id, creation time and envelope ciphertext, and whether the plaintext is
   * in the authored format (records of type 'A') or text only (type 'P', written before authors).
   */
  record Sealed(long id, Instant createdAt, byte[] ciphertext, boolean authored) {}

  private final ConcurrentSkipListMap<Long, Sealed> notes = new ConcurrentSkipListMap<>();
  private final TenantId tenant;
  private final NoteChangeLog log;
  private final Path path;
  private final NoteFile file;
  private final Executor checkpoints;
  private final ReentrantLock forcing = new ReentrantLock(); // a force never meets a rewrite
  private long lastId;
  private long dead;
  private long checkpoint = NONE; // the last durable checkpoint's position
  private long unforced; // bytes written since the last checkpoint began
  private boolean behind; // the file may lack a change the log holds: no checkpoint until repaired
  private boolean scheduled;
  private boolean closed;

  private NoteJournal(
      Path path, TenantId tenant, NoteChangeLog log, NoteFile.Opener files, Executor checkpoints) {
    this.path = path;
    this.tenant = tenant;
    this.log = log;
    this.checkpoints = checkpoints;
    this.file = files.open(path, this::replay);
    try {
      recover();
    } catch (RuntimeException e) {
      file.close();
      throw e;
    }
  }

  /**
   * Opens {@code tenant}'s journal {@code path} as {@link #open(Path, TenantId, NoteChangeLog,
   * NoteFile.Opener, Executor)} does, as a {@link NoteFile#JOURNALS journal file} that checkpoints
   * on the writing thread.
   */
  static NoteJournal open(Path path, TenantId tenant, NoteChangeLog log) {
    return open(path, tenant, log, NoteFile.JOURNALS, Runnable::run);
  }

  /**
   * Opens (creating if missing) {@code tenant}'s journal {@code path} through {@code files},
   * replays it and, with a durable {@code log}, re-applies the changes the log holds past the
   * journal's last checkpoint; later checkpoints run on {@code checkpoints}.
   *
   * @throws NotesException if the journal is locked, corrupt or unreadable
   * @throws IllegalStateException if the log no longer holds the changes past the checkpoint
   */
  static NoteJournal open(
      Path path, TenantId tenant, NoteChangeLog log, NoteFile.Opener files, Executor checkpoints) {
    return new NoteJournal(path, tenant, log, files, checkpoints);
  }

  private synchronized void recover() {
    if (!log.durable()) {
      if (checkpoint != NONE) { // later writes are in no log: void the mark
        file.append(NoteRecords.mark(NoteRecords.CHECKPOINT, NONE));
      }
      return;
    }
    long position = log.position(tenant);
    if (checkpoint != NONE && checkpoint <= position) {
      log.replay(tenant, checkpoint, this::reapply);
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

  /** Applies a change the log heard unless the journal holds it already. */
  private void reapply(NoteChangeLog.Change change) {
    if (change.record().isEmpty()) {
      if (notes.containsKey(change.id())) {
        write(NoteRecords.mark(NoteRecords.DELETE, change.id()));
        notes.remove(change.id());
        dead += 2;
      }
      return;
    }
    byte[] record = change.record().get();
    Sealed note = NoteRecords.parse(record);
    if (note.id() != change.id()) {
      throw new NotesException(
          "change log of " + path + " holds note " + note.id() + " as " + change.id(), null);
    }
    Sealed current = notes.get(note.id());
    if (current == null || !Arrays.equals(NoteRecords.record(current), record)) {
      write(record);
      apply(note);
    }
  }

  private void replay(long offset, byte[] payload) {
    ByteBuffer in = ByteBuffer.wrap(payload);
    try {
      byte op = in.get();
      long id = in.getLong();
      if (op == NoteRecords.CHECKPOINT) {
        checkpoint = id;
        return;
      }
      switch (op) {
        case NoteRecords.PUT, NoteRecords.PUT_AUTHORED -> {
          if (notes.put(id, NoteRecords.parse(payload)) != null) {
            dead++;
          }
        }
        case NoteRecords.DELETE -> {
          if (notes.remove(id) != null) {
            dead++;
          }
          dead++;
        }
        case NoteRecords.NEXT_ID -> {}
        default -> throw new IllegalArgumentException("unknown record type " + op);
      }
      lastId = Math.max(lastId, id);
    } catch (RuntimeException e) {
      throw new NotesException(
          "notes journal " + path + " is corrupt at offset " + offset + ": " + e, null);
    }
  }

  /** The notes, by id in ascending order; a live view for readers. */
  NavigableMap<Long, Sealed> notes() {
    return notes;
  }

  /** Returns the next unused id (ids are never reused, not even after a delete). */
  long nextId() {
    return lastId + 1;
  }

  /** Returns whether the file may lack a change the log holds (a failed write, not repaired). */
  synchronized boolean behind() {
    return behind;
  }

  /**
   * Records {@code note} (new, or replacing the note of its id), durable when it returns.
   *
   * @throws IllegalArgumentException if its record is too long for the journal; nothing is written
   * @throws RuntimeException from the change log if it refuses the change (nothing is applied), or
   *     from the journal without a durable log (nothing is applied)
   */
  synchronized void put(Sealed note) {
    byte[] record = NoteRecords.record(note);
    if (record.length > FORMAT.maxPayload()) {
      throw new IllegalArgumentException(
          "a note record holds at most " + FORMAT.maxPayload() + " bytes, was " + record.length);
    }
    log.put(tenant, note.id(), record);
    write(record);
    apply(note);
    afterWrite();
  }

  private void apply(Sealed note) {
    lastId = Math.max(lastId, note.id());
    if (notes.put(note.id(), note) != null) {
      dead++;
    }
  }

  /** Deletes note {@code id}, durable when it returns; returns whether it existed. */
  synchronized boolean delete(long id) {
    if (!notes.containsKey(id)) {
      return false;
    }
    log.delete(tenant, id);
    write(NoteRecords.mark(NoteRecords.DELETE, id));
    notes.remove(id);
    dead += 2;
    afterWrite();
    return true;
  }

  /**
   * Writes a record the log holds (unforced; a failure marks the journal behind, as the log has the
   * change) or, without a durable log, forces it (a failure throws: the change is not made).
   */
  private void write(byte[] record) {
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
    unforced = Math.max(unforced, CHECKPOINT_BYTES);
    LOG.warn(
        "notes journal {}: {}; the change log keeps it, the journal is repaired by the next"
            + " checkpoint and reopening re-applies it",
        path,
        what,
        e);
  }

  /** Compacts when superseded records dominate, else schedules a due checkpoint; never throws. */
  private void afterWrite() {
    if (dead >= COMPACT_MIN_DEAD && dead > notes.size()) {
      try {
        compact();
      } catch (RuntimeException e) {
        if (!log.durable()) {
          throw e;
        }
        // compact() marked the journal behind: the change is committed in the log
      }
    } else if (log.durable() && unforced >= CHECKPOINT_BYTES && !scheduled) {
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
   * Makes the log's changes so far unnecessary for recovering this journal: forces every record
   * written, then a checkpoint naming the log's position, or, if the journal is behind, repairs it
   * by a compaction (which writes the checkpoint). Takes the writers' lock only to read the
   * position and to append the mark; forces outside it. Does nothing without a durable log, once
   * closed, or if the last checkpoint covers the log's position.
   *
   * @throws RuntimeException if the journal cannot be forced or repaired (then it is behind)
   */
  void checkpoint() {
    long position;
    synchronized (this) {
      scheduled = false;
      if (!log.durable() || closed) {
        return;
      }
      if (behind) {
        compact(); // the repair: a rewrite from memory, naming the position it holds
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
    synchronized (this) {
      if (closed || checkpoint >= position) {
        return; // a compaction checkpointed past it meanwhile
      }
      try {
        file.appendUnforced(NoteRecords.mark(NoteRecords.CHECKPOINT, position));
      } catch (RuntimeException e) {
        fellBehind("cannot append a checkpoint", e);
        throw e;
      }
    }
    if (force()) {
      synchronized (this) {
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
    } finally {
      forcing.unlock(); // before the monitor: writers take the monitor, then this lock
    }
    synchronized (this) { // what reached the device is unknown: rewrite before a checkpoint
      fellBehind("cannot force it", failure);
    }
    throw failure;
  }

  /** Replaces the ciphertext of note {@code id} if it still equals {@code expected}. */
  synchronized boolean replace(long id, byte[] expected, byte[] replacement) {
    Sealed current = notes.get(id);
    if (current == null || !Arrays.equals(current.ciphertext(), expected)) {
      return false;
    }
    put(new Sealed(id, current.createdAt(), replacement.clone(), current.authored()));
    return true;
  }

  /**
   * Rewrites the journal with only the live notes, crash-safely; superseded ciphertexts go. With a
   * durable log this also repairs a journal that is behind.
   *
   * @throws RuntimeException if the rewrite fails (the journal is then behind, with a durable log)
   */
  synchronized void compact() {
    List<byte[]> records = new ArrayList<>(notes.size() + 1);
    records.add(NoteRecords.mark(NoteRecords.NEXT_ID, lastId));
    for (Sealed note : notes.values()) {
      records.add(NoteRecords.record(note));
    }
    rewrite(records);
  }

  /** Installs {@code records} (and, with a durable log, a checkpoint) as the whole journal. */
  private void rewrite(List<byte[]> records) {
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
    dead = 0;
  }

  /**
   * Replaces every note with {@code replacement} in one crash-safe rewrite (ids stay unused once
   * used). With a durable log each change is told to it first and committed there: they are applied
   * as the log took them even if the rewrite (then the journal is behind) or a later change fails;
   * without one, nothing changes unless the rewrite succeeds.
   */
  synchronized void replaceAll(List<Sealed> replacement) {
    java.util.TreeMap<Long, Sealed> next = new java.util.TreeMap<>();
    replacement.forEach(n -> next.put(n.id(), n));
    if (!log.durable()) {
      long last = Math.max(lastId, next.isEmpty() ? 0 : next.lastKey());
      List<byte[]> records = new ArrayList<>(next.size() + 1);
      records.add(NoteRecords.mark(NoteRecords.NEXT_ID, last));
      next.values().forEach(n -> records.add(NoteRecords.record(n)));
      rewrite(records);
      lastId = last;
      notes.putAll(next);
      notes.keySet().retainAll(next.keySet());
      return;
    }
    for (Long id : List.copyOf(notes.keySet())) {
      if (!next.containsKey(id)) {
        log.delete(tenant, id);
        notes.remove(id);
      }
    }
    for (Sealed note : next.values()) {
      Sealed current = notes.get(note.id());
      if (current == null
          || !Arrays.equals(NoteRecords.record(current), NoteRecords.record(note))) {
        log.put(tenant, note.id(), NoteRecords.record(note));
        apply(note);
      }
    }
    try {
      compact();
    } catch (RuntimeException e) {
      LOG.warn("notes journal {}: cannot rewrite it after a replacement; behind", path, e);
    }
  }

  /**
   * Checkpoints what was written since the last checkpoint (if that fails the log keeps the
   * changes, re-applied on open), then closes the file; idempotent.
   */
  @Override
  public synchronized void close() {
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
