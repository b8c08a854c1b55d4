package dev.tdeveloper.demo.notes;

import dev.tdeveloper.demo.notes.NoteJournal.Sealed;
import java.nio.ByteBuffer;
import java.time.Instant;

/**
 * The records of a {@link NoteJournal}. Payloads, big-endian:
 *
 * <pre>
 * 'P' | i64 id | i64 epoch second | i32 nano | ciphertext   a note of text only (before authors)
 * 'A' | i64 id | i64 epoch second | i32 nano | ciphertext   a note whose plaintext also holds its
 *                                                           author (see NoteStore), new or re-sealed
 * 'D' | i64 id                                              the note was deleted
 * 'N' | i64 id                                              ids up to this one are used
 * 'C' | i64 position                                        checkpoint: the records before it hold
 *                                                           every change the change log heard
 *                                                           before this position (-1: none)
 * </pre>
 *
 * <p>A note's record ({@code 'P'} or {@code 'A'}) is also the content of its file in backups and of
 * its changes in the change log.
 */
final class NoteRecords {
  static final byte PUT = 'P';
  static final byte PUT_AUTHORED = 'A';
  static final byte DELETE = 'D';
  static final byte NEXT_ID = 'N';
  static final byte CHECKPOINT = 'C';

  private NoteRecords() {}

  /** Returns a note's record: its stored form. */
  static byte[] record(Sealed note) {
    return ByteBuffer.allocate(size(note))
        .put(note.authored() ? PUT_AUTHORED : PUT)
        .putLong(note.id())
        .putLong(note.createdAt().getEpochSecond())
        .putInt(note.createdAt().getNano())
        .put(note.ciphertext())
        .array();
  }

  /** Returns the size of {@code note}'s record ({@link #record}) without writing it. */
  static int size(Sealed note) {
    return 21 + note.ciphertext().length;
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

  /** Returns a record of {@code type} {@code 'D'}, {@code 'N'} or {@code 'C'} with its value. */
  static byte[] mark(byte type, long value) {
    return ByteBuffer.allocate(9).put(type).putLong(value).array();
  }
}
