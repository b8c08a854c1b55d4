package dev.tdeveloper.tenancy.migration;

import dev.tdeveloper.tenancy.TenantId;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Where a {@link TenantMigrator} records each migration's progress, so a migration interrupted by a
 * crash can be resumed from its last copied batch. Also the guard that at most one unfinished
 * migration exists per tenant.
 *
 * <p>The in-memory default ({@link #inMemory()}) survives a failed call but not the process. To
 * resume after a process crash on one machine, use the durable local file ({@link #openFile}); when
 * several instances migrate, use a journal kept in a database they share. Implementations must be
 * thread-safe, {@link #tryBegin} must be atomic, and a state must be durable (as far as the backend
 * allows) when {@link #tryBegin} or {@link #update} returns. Backends prove themselves with the
 * {@code dev.tdeveloper.tenancy.testkit.MigrationJournalContract} kit in the {@code
 * tenancy-testkit} artifact.
 */
public interface MigrationJournal extends AutoCloseable {
  /** Returns a new, empty journal held in this process. */
  static MigrationJournal inMemory() {
    return new InMemoryMigrationJournal();
  }

  /**
   * Opens (creating if needed) a durable journal in a local file, with the default compaction
   * settings; see {@link FileMigrationJournal}. Close it when done.
   *
   * @throws MigrationJournalException if the file cannot be opened or locked, is not a migration
   *     journal, or is corrupt
   */
  static FileMigrationJournal openFile(Path file) {
    return FileMigrationJournal.open(file);
  }

  /**
   * Records a new migration, unless its tenant already has an unfinished one (whose phase is not
   * terminal).
   *
   * @return true if recorded, false if the tenant has an unfinished migration (nothing changes)
   * @throws IllegalArgumentException if a migration with the same id is already recorded
   * @throws MigrationJournalException if the state cannot be stored durably (nothing changes)
   */
  boolean tryBegin(MigrationState state);

  /**
   * Replaces the recorded state of the migration with the same id.
   *
   * @throws IllegalArgumentException if no migration with that id is recorded
   * @throws MigrationJournalException if the state cannot be stored durably (nothing changes)
   */
  void update(MigrationState state);

  /** Returns the migration with {@code id}, if recorded. */
  Optional<MigrationState> find(UUID id);

  /** Returns the tenant's unfinished migration, if it has one. */
  Optional<MigrationState> unfinished(TenantId tenant);

  /** Returns every recorded migration, oldest plan first. */
  List<MigrationState> list();

  /**
   * Releases the journal's resources; the default does nothing. Never throws a checked exception.
   */
  @Override
  default void close() {}
}
