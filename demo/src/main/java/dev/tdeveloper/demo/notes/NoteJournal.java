package dev.tdeveloper.demo.notes;

import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.internal.JournalFile;
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

/**
 * One tenant's notes on disk: an append-only {@link JournalFile} of sealed notes, a torn tail cut
 * off on open. Records ({@link NoteRecords}) hold only envelope ciphertext, never note text.
 *
 * <p>Durability: with a {@link NoteChangeLog#durable() durable} change log, which forces each
 * change before the journal gets it, records are written but not forced; a checkpoint forces them
 * and then a forced {@code 'C'} record, at least every {@value #CHECKPOINT_BYTES} bytes, on close,
 * on compaction and when {@link NoteStore#checkpoint} asks (before the change log is truncated).
 * Opening re-applies the log's changes from the last checkpoint (a change already in the journal is
 * skipped, so it is idempotent) and checkpoints, so no acknowledged change is lost even if the
 * unforced tail was. Without a durable log every record is forced before the call returns.
 *
 * <p>The journal compacts itself (a crash-safe rewrite holding {@code 'N'}, the live notes and a
 * checkpoint) once superseded records outnumber live ones. Not thread-safe: {@link NoteStore}
 * serialises writers per tenant; {@link #notes()} may be read concurrently.
 */
final class NoteJournal implements AutoCloseable {
  static final RecordFormat FORMAT =
      RecordFormat.crc32c("TDVNOTE1".getBytes(StandardCharsets.US_ASCII), 64 * 1024);
  private static final int COMPACT_MIN_DEAD = 64;
  private static final long NONE = -1;

  /** Unforced bytes after which a write checkpoints: {@value}. */
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
  private final JournalFile file;
  private long lastId;
  private long dead;
  private long checkpoint = NONE;
  private long unforced;

  private NoteJournal(Path path, TenantId tenant, NoteChangeLog log) {
    this.path = path;
    this.tenant = tenant;
    this.log = log;
    this.file = JournalFile.open(path, FORMAT, "notes journal", this::replay, NotesException::new);
    try {
      recover();
    } catch (RuntimeException e) {
      file.close();
      throw e;
    }
  }

  /**
   * Opens (creating if missing) {@code tenant}'s journal {@code path}, replays it and, with a
   * durable {@code log}, re-applies the changes the log holds past the journal's last checkpoint.
   *
   * @throws NotesException if the journal is locked, corrupt or unreadable
   * @throws IllegalStateException if the log no longer holds the changes past the checkpoint
   */
  static NoteJournal open(Path path, TenantId tenant, NoteChangeLog log) {
    return new NoteJournal(path, tenant, log);
  }

  private void recover() {
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
      checkpoint();
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
      lastId = Math.max(lastId, note.id());
      if (notes.put(note.id(), note) != null) {
        dead++;
      }
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

  /** Records {@code note} (new, or replacing the note of its id), durable when it returns. */
  void put(Sealed note) {
    byte[] record = NoteRecords.record(note);
    log.put(tenant, note.id(), record);
    write(record);
    lastId = Math.max(lastId, note.id());
    if (notes.put(note.id(), note) != null) {
      dead++;
    }
    afterWrite();
  }

  /** Deletes note {@code id}, durable when it returns; returns whether it existed. */
  boolean delete(long id) {
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

  private void write(byte[] record) {
    if (log.durable()) {
      file.appendUnforced(record);
      unforced += record.length;
    } else {
      file.append(record);
    }
  }

  private void afterWrite() {
    if (dead >= COMPACT_MIN_DEAD && dead > notes.size()) {
      compact();
    } else if (unforced >= CHECKPOINT_BYTES) {
      checkpoint();
    }
  }

  /**
   * Forces every record written so far, then a checkpoint naming the change log's position, so the
   * log's changes before it are no longer needed to recover this journal; does nothing without a
   * durable log.
   */
  void checkpoint() {
    if (!log.durable()) {
      return;
    }
    long position = log.position(tenant);
    file.force();
    file.appendUnforced(NoteRecords.mark(NoteRecords.CHECKPOINT, position));
    file.force();
    checkpoint = position;
    unforced = 0;
  }

  /** Replaces the ciphertext of note {@code id} if it still equals {@code expected}. */
  boolean replace(long id, byte[] expected, byte[] replacement) {
    Sealed current = notes.get(id);
    if (current == null || !Arrays.equals(current.ciphertext(), expected)) {
      return false;
    }
    put(new Sealed(id, current.createdAt(), replacement.clone(), current.authored()));
    return true;
  }

  /** Rewrites the journal with only the live notes, crash-safely; superseded ciphertexts go. */
  void compact() {
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
    file.rewrite(records, step -> {});
    checkpoint = position;
    unforced = 0;
    dead = 0;
  }

  /**
   * Replaces every note with {@code replacement} in one crash-safe rewrite (ids stay unused once
   * used); tells the change log each change first.
   */
  void replaceAll(List<Sealed> replacement) {
    java.util.TreeMap<Long, Sealed> next = new java.util.TreeMap<>();
    replacement.forEach(n -> next.put(n.id(), n));
    for (Long id : notes.keySet()) {
      if (!next.containsKey(id)) {
        log.delete(tenant, id);
      }
    }
    for (Sealed note : next.values()) {
      Sealed current = notes.get(note.id());
      if (current == null
          || !Arrays.equals(NoteRecords.record(current), NoteRecords.record(note))) {
        log.put(tenant, note.id(), NoteRecords.record(note));
      }
    }
    long last = Math.max(lastId, next.isEmpty() ? 0 : next.lastKey());
    List<byte[]> records = new ArrayList<>(next.size() + 1);
    records.add(NoteRecords.mark(NoteRecords.NEXT_ID, last));
    next.values().forEach(n -> records.add(NoteRecords.record(n)));
    rewrite(records);
    lastId = last;
    notes.putAll(next);
    notes.keySet().retainAll(next.keySet());
  }

  /** Checkpoints what was written since the last checkpoint, then closes the file. */
  @Override
  public void close() {
    try {
      if (unforced > 0) {
        checkpoint();
      }
    } finally {
      file.close();
    }
  }
}
