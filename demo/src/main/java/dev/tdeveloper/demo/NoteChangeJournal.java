package dev.tdeveloper.demo;

import dev.tdeveloper.demo.notes.NoteChangeLog;
import dev.tdeveloper.dr.pitr.FileChangeJournal;
import dev.tdeveloper.dr.spi.BackupScope;
import dev.tdeveloper.dr.spi.ChangeJournal;
import dev.tdeveloper.dr.spi.ChangeRecord;
import dev.tdeveloper.tenancy.TenantId;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The notes' change journal for point-in-time recovery: a {@link FileChangeJournal} in {@code
 * <data>/backup-journal} that hears every note change (the note's sealed record, or its deletion)
 * durably before the notes journal gets it, under the tenant's write lock, one scope per tenant.
 * Being durable, it is the notes' write-ahead log: the notes journal forces only at checkpoints and
 * replays this journal's changes past its last checkpoint on open. Times never go back per tenant
 * even if the clock does. Thread-safe.
 *
 * <p>Retention: the backups truncate this journal through {@link #journal()}, which first has the
 * tenant's notes journal checkpointed ({@link #checkpointsBy}) at the journal's next sequence, so a
 * truncation never drops a change that the notes journal has not forced; and a replay that finds
 * the journal truncated past its start refuses, so a lost change cannot pass unnoticed.
 */
public final class NoteChangeJournal implements NoteChangeLog, AutoCloseable {
  private final FileChangeJournal journal;
  private final InstantSource clock;
  private final Map<TenantId, Instant> last = new ConcurrentHashMap<>();
  private volatile Consumer<TenantId> checkpoints =
      tenant -> {
        throw new IllegalStateException("no notes store checkpoints before truncation");
      };

  /**
   * Opens (creating if missing) the change journal in {@code <data>/backup-journal}; {@code clock}
   * stamps the changes.
   */
  public NoteChangeJournal(Path data, InstantSource clock) {
    this.journal = FileChangeJournal.builder(data.resolve("backup-journal")).open();
    this.clock = clock;
  }

  /**
   * Sets what checkpoints a tenant's notes journal before {@link #journal()} truncates the tenant's
   * changes (the note store's {@code checkpoint}); until set, truncation is refused.
   */
  void checkpointsBy(Consumer<TenantId> checkpoint) {
    this.checkpoints = Objects.requireNonNull(checkpoint, "checkpoint");
  }

  /** Returns the journal for the backups: truncating it checkpoints the tenant's notes first. */
  ChangeJournal journal() {
    return new ChangeJournal() {
      @Override
      public ChangeRecord append(
          BackupScope scope, Instant time, String source, String path, Optional<byte[]> content) {
        return journal.append(scope, time, source, path, content);
      }

      @Override
      public void read(BackupScope scope, long from, Consumer<ChangeRecord> consumer) {
        journal.read(scope, from, consumer);
      }

      @Override
      public long nextSequence(BackupScope scope) {
        return journal.nextSequence(scope);
      }

      @Override
      public void truncateBefore(BackupScope scope, long sequence) {
        scope.tenant().ifPresent(checkpoints);
        journal.truncateBefore(scope, sequence);
      }

      @Override
      public void close() {
        journal.close();
      }
    };
  }

  @Override
  public void put(TenantId tenant, long id, byte[] record) {
    append(tenant, NotesBackupSource.path(id), Optional.of(record));
  }

  @Override
  public void delete(TenantId tenant, long id) {
    append(tenant, NotesBackupSource.path(id), Optional.empty());
  }

  @Override
  public boolean durable() {
    return true;
  }

  @Override
  public long position(TenantId tenant) {
    return journal.nextSequence(BackupScope.of(tenant));
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalStateException if the journal was truncated past {@code from}
   */
  @Override
  public void replay(TenantId tenant, long from, Consumer<Change> changes) {
    BackupScope scope = BackupScope.of(tenant);
    long[] expected = {from};
    journal.read(
        scope,
        from,
        record -> {
          if (record.sequence() != expected[0]) {
            throw new IllegalStateException(
                "the change journal of tenant "
                    + tenant.value()
                    + " no longer holds change "
                    + expected[0]
                    + " (it starts at "
                    + record.sequence()
                    + "): notes changed since their last checkpoint may be lost");
          }
          expected[0]++;
          if (record.source().equals(NotesBackupSource.NAME)) {
            changes.accept(new Change(NotesBackupSource.idOf(record.path()), record.content()));
          }
        });
    long next = journal.nextSequence(scope);
    if (expected[0] < next) {
      throw new IllegalStateException(
          "the change journal of tenant " + tenant.value() + " ends before change " + next);
    }
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
