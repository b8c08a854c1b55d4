package dev.tdeveloper.demo.notes;

import dev.tdeveloper.demo.notes.NoteJournal.Sealed;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.NavigableMap;
import java.util.SortedMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * One tenant's notes in memory, as a {@link NoteJournal} has applied them: the live notes by id,
 * the highest id ever used and how many records in the journal file are superseded.
 *
 * <p>Invariants: ids are never reused, so every id a record or change named is at most {@link
 * #nextId()} - 1, also after its note is deleted; the superseded count grows with each record that
 * replaces or deletes a note and drops to zero only when a rewrite left the file holding the live
 * notes alone ({@link #compacted()}), so {@link #compactionDue()} tells when a rewrite pays.
 *
 * <p>Changes are made under the journal's writers' lock (its monitor); {@link #view()} may be read
 * concurrently, as the map is a concurrent one.
 */
final class NoteTable {
  private static final int COMPACT_MIN_DEAD = 64;

  private final ConcurrentSkipListMap<Long, Sealed> notes = new ConcurrentSkipListMap<>();
  private final NavigableMap<Long, Sealed> view = Collections.unmodifiableNavigableMap(notes);
  private long lastId;
  private long dead;

  /** The notes, by id in ascending order; a live, read-only view for readers. */
  NavigableMap<Long, Sealed> view() {
    return view;
  }

  /** Returns note {@code id}, or null if there is none. */
  Sealed get(long id) {
    return notes.get(id);
  }

  /** Returns whether note {@code id} exists. */
  boolean contains(long id) {
    return notes.containsKey(id);
  }

  /** Returns the next unused id. */
  long nextId() {
    return lastId + 1;
  }

  /**
   * Applies one record read from the journal file: a note ({@code 'P'} or {@code 'A'}), a deletion
   * ({@code 'D'}) or the ids used ({@code 'N'}); {@code id} is the record's id.
   *
   * @throws IllegalArgumentException if the record is of another type or malformed
   */
  void load(byte op, long id, byte[] record) {
    switch (op) {
      case NoteRecords.PUT, NoteRecords.PUT_AUTHORED -> put(NoteRecords.parse(record));
      case NoteRecords.DELETE -> delete(id);
      case NoteRecords.NEXT_ID -> lastId = Math.max(lastId, id);
      default -> throw new IllegalArgumentException("unknown record type " + op);
    }
  }

  /** Stores {@code note}, new or replacing the note of its id (whose record it supersedes). */
  void put(Sealed note) {
    lastId = Math.max(lastId, note.id());
    if (notes.put(note.id(), note) != null) {
      dead++;
    }
  }

  /** Deletes note {@code id}, if it exists, by a {@code 'D'} record (superseded at once). */
  void delete(long id) {
    lastId = Math.max(lastId, id);
    if (notes.remove(id) != null) {
      dead++;
    }
    dead++;
  }

  /** Removes note {@code id} without a record of its own: a rewrite of the journal follows. */
  void forget(long id) {
    notes.remove(id);
  }

  /**
   * Replaces every note with {@code next} (by id) once a rewrite installed them, ids up to last.
   */
  void replaceWith(SortedMap<Long, Sealed> next, long last) {
    lastId = last;
    notes.putAll(next);
    notes.keySet().retainAll(next.keySet());
  }

  /** Returns the highest id used, or 0. */
  long lastId() {
    return lastId;
  }

  /** Returns whether superseded records outnumber the live notes (and are enough to matter). */
  boolean compactionDue() {
    return dead >= COMPACT_MIN_DEAD && dead > notes.size();
  }

  /**
   * Returns the records of a journal holding only the live notes ({@link #records(long,
   * Collection)}).
   */
  List<byte[]> records() {
    return records(lastId, notes.values());
  }

  /**
   * Returns the records of a journal holding exactly {@code notes}, ids up to {@code lastId} used:
   * an {@code 'N'} record, then each note's; a list a checkpoint mark may be added to.
   */
  static List<byte[]> records(long lastId, Collection<Sealed> notes) {
    List<byte[]> records = new ArrayList<>(notes.size() + 2);
    records.add(NoteRecords.mark(NoteRecords.NEXT_ID, lastId));
    notes.forEach(note -> records.add(NoteRecords.record(note)));
    return records;
  }

  /** Notes that the journal file now holds only the live notes: nothing is superseded. */
  void compacted() {
    dead = 0;
  }
}
