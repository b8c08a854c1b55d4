package dev.tdeveloper.demo.notes;

import dev.tdeveloper.demo.notes.NoteJournal.Sealed;

/**
 * One version of a stored note as a backup reads it ({@link NoteStore#snapshot}): the size of its
 * record, the record on demand, and whether another snapshot's record is this very version. Every
 * write, rewrap, replacement or restore of a note stores a new version, and a version never
 * changes, so two records that are the same version hold the same bytes; a backup can skip a note
 * whose version it already stored without reading it. Immutable and thread-safe.
 */
public final class StoredRecord {
  private final Sealed sealed;

  StoredRecord(Sealed sealed) {
    this.sealed = sealed;
  }

  /** Returns the note's id. */
  public long id() {
    return sealed.id();
  }

  /** Returns the size in bytes of the record {@link #bytes()} returns. */
  public int size() {
    return NoteRecords.size(sealed);
  }

  /** Returns the stored record (as {@link NoteStore#records} holds it), a new array each call. */
  public byte[] bytes() {
    return NoteRecords.record(sealed);
  }

  /**
   * Returns whether {@code other} is this very version of the note: false after any change to it,
   * even one that restored the same bytes (a false "changed" only costs a backup one read).
   */
  public boolean sameVersionAs(StoredRecord other) {
    return sealed == other.sealed;
  }
}
