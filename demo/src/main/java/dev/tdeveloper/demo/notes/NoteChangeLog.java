package dev.tdeveloper.demo.notes;

import dev.tdeveloper.tenancy.TenantId;

/**
 * Hears every change of a tenant's notes before it is written to the notes journal, under the
 * tenant's write lock, so a write-ahead change log (the backups' change journal) records it first
 * and in the notes' order. A note's content is its stored record (sealed, never plaintext). Must be
 * thread-safe; throwing refuses the change.
 */
public interface NoteChangeLog {
  /** Note {@code id} of {@code tenant} is about to be stored as {@code record}. */
  void put(TenantId tenant, long id, byte[] record);

  /** Note {@code id} of {@code tenant} is about to be deleted. */
  void delete(TenantId tenant, long id);

  /** Returns a log that records nothing. */
  static NoteChangeLog none() {
    return new NoteChangeLog() {
      @Override
      public void put(TenantId tenant, long id, byte[] record) {}

      @Override
      public void delete(TenantId tenant, long id) {}
    };
  }
}
