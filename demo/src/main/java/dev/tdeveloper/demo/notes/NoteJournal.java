package dev.tdeveloper.demo.notes;

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
 * One tenant's notes on disk: an append-only {@link JournalFile} of sealed notes, each record
 * forced to the device before the call returns, a torn tail cut off on open. Records hold only
 * envelope ciphertext, never note text. Payloads, big-endian:
 *
 * <pre>
 * 'P' | i64 id | i64 epoch second | i32 nano | ciphertext   a note of text only (before authors)
 * 'A' | i64 id | i64 epoch second | i32 nano | ciphertext   a note whose plaintext also holds its
 *                                                           author (see NoteStore), new or re-sealed
 * 'D' | i64 id                                              the note was deleted
 * 'N' | i64 id                                              ids up to this one are used
 * </pre>
 *
 * <p>The journal compacts itself (a crash-safe rewrite holding {@code 'N'} and the live notes) once
 * superseded records outnumber live ones. Not thread-safe: {@link NoteStore} serialises writers per
 * tenant; {@link #notes()} may be read concurrently.
 */
final class NoteJournal implements AutoCloseable {
  static final RecordFormat FORMAT =
      RecordFormat.crc32c("TDVNOTE1".getBytes(StandardCharsets.US_ASCII), 64 * 1024);
  private static final byte PUT = 'P';
  private static final byte PUT_AUTHORED = 'A';
  private static final byte DELETE = 'D';
  private static final byte NEXT_ID = 'N';
  private static final int COMPACT_MIN_DEAD = 64;

  /**
   * A note as stored: its id, creation time and envelope ciphertext, and whether the plaintext is
   * in the authored format (records of type 'A') or text only (type 'P', written before authors).
   */
  record Sealed(long id, Instant createdAt, byte[] ciphertext, boolean authored) {}

  /** Hears each change before it is written, so a write-ahead change log can record it first. */
  interface Hook {
    /** Note {@code id} is about to be stored as {@code record} (see {@link #record}). */
    void put(long id, byte[] record);

    /** Note {@code id} is about to be deleted. */
    void delete(long id);

    /** A hook that hears nothing. */
    Hook NONE =
        new Hook() {
          @Override
          public void put(long id, byte[] record) {}

          @Override
          public void delete(long id) {}
        };
  }

  private final ConcurrentSkipListMap<Long, Sealed> notes = new ConcurrentSkipListMap<>();
  private final Hook hook;
  private final Path path;
  private final JournalFile file;
  private long lastId;
  private long dead;

  private NoteJournal(Path path, Hook hook) {
    this.path = path;
    this.hook = hook;
    this.file = JournalFile.open(path, FORMAT, "notes journal", this::replay, NotesException::new);
  }

  /** Opens (creating if missing) the journal {@code path} and replays it. */
  static NoteJournal open(Path path, Hook hook) {
    return new NoteJournal(path, hook);
  }

  /**
   * Reads a note record as {@link #record} writes it.
   *
   * @throws IllegalArgumentException if it is not one
   */
  static Sealed parse(byte[] record) {
    ByteBuffer in = ByteBuffer.wrap(record);
    try {
      byte op = in.get();
      if (op != PUT && op != PUT_AUTHORED) {
        throw new IllegalArgumentException("not a note record (type " + op + ")");
      }
      long id = in.getLong();
      Instant at = Instant.ofEpochSecond(in.getLong(), in.getInt());
      byte[] ciphertext = new byte[in.remaining()];
      in.get(ciphertext);
      return new Sealed(id, at, ciphertext, op == PUT_AUTHORED);
    } catch (java.nio.BufferUnderflowException e) {
      throw new IllegalArgumentException("truncated note record", e);
    }
  }

  private void replay(long offset, byte[] payload) {
    ByteBuffer in = ByteBuffer.wrap(payload);
    try {
      byte op = in.get();
      long id = in.getLong();
      switch (op) {
        case PUT, PUT_AUTHORED -> {
          if (notes.put(id, parse(payload)) != null) {
            dead++;
          }
        }
        case DELETE -> {
          if (notes.remove(id) != null) {
            dead++;
          }
          dead++;
        }
        case NEXT_ID -> {}
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

  /** Durably records {@code note} (new, or replacing the note of its id). */
  void put(Sealed note) {
    byte[] record = record(note);
    hook.put(note.id(), record);
    file.append(record);
    lastId = Math.max(lastId, note.id());
    if (notes.put(note.id(), note) != null) {
      dead++;
    }
    compactIfWasteful();
  }

  /** Durably deletes note {@code id}; returns whether it existed. */
  boolean delete(long id) {
    if (!notes.containsKey(id)) {
      return false;
    }
    hook.delete(id);
    file.append(ByteBuffer.allocate(9).put(DELETE).putLong(id).array());
    notes.remove(id);
    dead += 2;
    compactIfWasteful();
    return true;
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

  private void compactIfWasteful() {
    if (dead >= COMPACT_MIN_DEAD && dead > notes.size()) {
      compact();
    }
  }

  /** Rewrites the journal with only the live notes, crash-safely; superseded ciphertexts go. */
  void compact() {
    List<byte[]> records = new ArrayList<>(notes.size() + 1);
    records.add(ByteBuffer.allocate(9).put(NEXT_ID).putLong(lastId).array());
    for (Sealed note : notes.values()) {
      records.add(record(note));
    }
    file.rewrite(records, step -> {});
    dead = 0;
  }

  /**
   * Replaces every note with {@code replacement} in one crash-safe rewrite (ids stay unused once
   * used); tells the hook each change first.
   */
  void replaceAll(List<Sealed> replacement) {
    java.util.TreeMap<Long, Sealed> next = new java.util.TreeMap<>();
    replacement.forEach(n -> next.put(n.id(), n));
    for (Long id : notes.keySet()) {
      if (!next.containsKey(id)) {
        hook.delete(id);
      }
    }
    for (Sealed note : next.values()) {
      Sealed current = notes.get(note.id());
      if (current == null || !Arrays.equals(record(current), record(note))) {
        hook.put(note.id(), record(note));
      }
    }
    long last = Math.max(lastId, next.isEmpty() ? 0 : next.lastKey());
    List<byte[]> records = new ArrayList<>(next.size() + 1);
    records.add(ByteBuffer.allocate(9).put(NEXT_ID).putLong(last).array());
    next.values().forEach(n -> records.add(record(n)));
    file.rewrite(records, step -> {});
    lastId = last;
    dead = 0;
    notes.putAll(next);
    notes.keySet().retainAll(next.keySet());
  }

  /** Returns a note's record: its stored form, also the content of its file in backups. */
  static byte[] record(Sealed note) {
    return ByteBuffer.allocate(21 + note.ciphertext().length)
        .put(note.authored() ? PUT_AUTHORED : PUT)
        .putLong(note.id())
        .putLong(note.createdAt().getEpochSecond())
        .putInt(note.createdAt().getNano())
        .put(note.ciphertext())
        .array();
  }

  @Override
  public void close() {
    file.close();
  }
}
