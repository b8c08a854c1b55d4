package dev.tdeveloper.demo.notes;

import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.internal.JournalFile;
import dev.tdeveloper.tenancy.internal.RecordFormat;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One tenant's notes on disk: an append-only journal file ({@link NoteFile}) of sealed notes, a
 * torn tail cut off on open. Records ({@link NoteRecords}) hold only envelope ciphertext, never
 * note text. The notes in memory are a {@link NoteTable}; the file, its forces and checkpoints
 * belong to a {@link NoteCheckpointer}.
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

  /** Bytes written after which a checkpoint is scheduled: {@value}. */
  static final long CHECKPOINT_BYTES = 1 << 20;

  /**
   * A note as stored: its id, creation time and envelope ciphertext, and whether the plaintext is
   * in the authored format (records of type 'A') or text only (type 'P', written before authors).
   * Never changed once built, its ciphertext array included: a change stores a new one ({@link
   * StoredRecord} relies on it).
   */
  record Sealed(long id, Instant createdAt, byte[] ciphertext, boolean authored) {}

  private final NoteTable notes = new NoteTable();
  private final TenantId tenant;
  private final NoteChangeLog log;
  private final Path path;
  private final NoteCheckpointer checkpointer;

  private NoteJournal(
      Path path, TenantId tenant, NoteChangeLog log, NoteFile.Opener files, Executor checkpoints) {
    this.path = path;
    this.tenant = tenant;
    this.log = log;
    Loader loader = new Loader();
    NoteFile opened = files.open(path, loader);
    this.checkpointer =
        new NoteCheckpointer(
            this, path, tenant, log, opened, loader.mark, checkpoints, this::compact);
    try {
      synchronized (this) {
        checkpointer.recover(this::reapply);
      }
    } catch (RuntimeException e) {
      opened.close();
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

  /** Reads the file on open: notes go to the table, the last checkpoint mark is kept. */
  private final class Loader implements JournalFile.Replay {
    private long mark = NoteCheckpointer.NONE;

    @Override
    public void accept(long offset, byte[] payload) {
      ByteBuffer in = ByteBuffer.wrap(payload);
      try {
        byte op = in.get();
        long id = in.getLong();
        if (op == NoteRecords.CHECKPOINT) {
          mark = id;
        } else {
          notes.load(op, id, payload);
        }
      } catch (RuntimeException e) {
        throw new NotesException(
            "notes journal " + path + " is corrupt at offset " + offset + ": " + e, null);
      }
    }
  }

  /** Applies a change the log heard unless the journal holds it already. */
  private void reapply(NoteChangeLog.Change change) {
    if (change.record().isEmpty()) {
      if (notes.contains(change.id())) {
        checkpointer.write(NoteRecords.mark(NoteRecords.DELETE, change.id()));
        notes.delete(change.id());
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
      checkpointer.write(record);
      notes.put(note);
    }
  }

  /** The notes, by id in ascending order; a live, read-only view for readers. */
  NavigableMap<Long, Sealed> notes() {
    return notes.view();
  }

  /** Returns the next unused id (ids are never reused, not even after a delete). */
  long nextId() {
    return notes.nextId();
  }

  /** Returns whether the file may lack a change the log holds (a failed write, not repaired). */
  boolean behind() {
    return checkpointer.behind();
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
    checkpointer.write(record);
    notes.put(note);
    afterWrite();
  }

  /** Deletes note {@code id}, durable when it returns; returns whether it existed. */
  synchronized boolean delete(long id) {
    if (!notes.contains(id)) {
      return false;
    }
    log.delete(tenant, id);
    checkpointer.write(NoteRecords.mark(NoteRecords.DELETE, id));
    notes.delete(id);
    afterWrite();
    return true;
  }

  /** Compacts when superseded records dominate, else schedules a due checkpoint; never throws. */
  private void afterWrite() {
    if (notes.compactionDue()) {
      try {
        compact();
      } catch (RuntimeException e) {
        if (!log.durable()) {
          throw e;
        }
        // compact() marked the journal behind: the change is committed in the log
      }
    } else {
      checkpointer.scheduleIfDue();
    }
  }

  /**
   * Forces what was written and marks it as holding every change the log heard so far, or repairs a
   * journal that is behind, as {@link NoteCheckpointer#checkpoint} does.
   *
   * @throws RuntimeException if the journal cannot be forced or repaired (then it is behind)
   */
  void checkpoint() {
    checkpointer.checkpoint();
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
    checkpointer.rewrite(notes.records());
    notes.compacted();
  }

  /**
   * Replaces every note with {@code replacement} in one crash-safe rewrite (ids stay unused once
   * used). With a durable log each change is told to it first and committed there: they are applied
   * as the log took them even if the rewrite (then the journal is behind) or a later change fails;
   * without one, nothing changes unless the rewrite succeeds.
   */
  synchronized void replaceAll(List<Sealed> replacement) {
    TreeMap<Long, Sealed> next = new TreeMap<>();
    replacement.forEach(n -> next.put(n.id(), n));
    if (!log.durable()) {
      long last = Math.max(notes.lastId(), next.isEmpty() ? 0 : next.lastKey());
      checkpointer.rewrite(NoteTable.records(last, next.values()));
      notes.compacted();
      notes.replaceWith(next, last);
      return;
    }
    for (Long id : List.copyOf(notes.view().keySet())) {
      if (!next.containsKey(id)) {
        log.delete(tenant, id);
        notes.forget(id);
      }
    }
    for (Sealed note : next.values()) {
      Sealed current = notes.get(note.id());
      if (current == null
          || !Arrays.equals(NoteRecords.record(current), NoteRecords.record(note))) {
        log.put(tenant, note.id(), NoteRecords.record(note));
        notes.put(note);
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
    checkpointer.close();
  }
}
