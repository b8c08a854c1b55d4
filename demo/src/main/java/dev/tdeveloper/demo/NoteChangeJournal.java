package dev.tdeveloper.demo;

import dev.tdeveloper.demo.notes.NoteChangeLog;
import dev.tdeveloper.dr.pitr.FileChangeJournal;
import dev.tdeveloper.dr.spi.BackupScope;
import dev.tdeveloper.dr.spi.ChangeJournal;
import dev.tdeveloper.tenancy.TenantId;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The notes' change journal for point-in-time recovery: a {@link FileChangeJournal} in {@code
 * <data>/backup-journal} that hears every note change (the note's sealed record, or its deletion)
 * durably before the notes journal gets it, under the tenant's write lock, one scope per tenant.
 * Times never go back per tenant even if the clock does. Thread-safe.
 */
final class NoteChangeJournal implements NoteChangeLog, AutoCloseable {
  private final FileChangeJournal journal;
  private final InstantSource clock;
  private final Map<TenantId, Instant> last = new ConcurrentHashMap<>();

  NoteChangeJournal(Path data, InstantSource clock) {
    this.journal = FileChangeJournal.builder(data.resolve("backup-journal")).open();
    this.clock = clock;
  }

  ChangeJournal journal() {
    return journal;
  }

  @Override
  public void put(TenantId tenant, long id, byte[] record) {
    append(tenant, NotesBackupSource.path(id), Optional.of(record));
  }

  @Override
  public void delete(TenantId tenant, long id) {
    append(tenant, NotesBackupSource.path(id), Optional.empty());
  }

  private void append(TenantId tenant, String path, Optional<byte[]> content) {
    Instant now = clock.instant();
    Instant previous = last.getOrDefault(tenant, Instant.MIN);
    Instant at = now.isBefore(previous) ? previous : now;
    journal.append(BackupScope.of(tenant), at, NotesBackupSource.NAME, path, content);
    last.put(tenant, at);
  }

  @Override
  public void close() {
    journal.close();
  }
}
