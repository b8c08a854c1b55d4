package dev.tdeveloper.tenancy.migration;

import dev.tdeveloper.tenancy.TenantId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Where a {@link TenantMigrator} records each migration's progress, so a migration interrupted by a
 * crash can be resumed from its last copied batch. Also the guard that at most one unfinished
 * migration exists per tenant.
 *
 * <p>The in-memory default ({@link #inMemory()}) survives a failed call but not the process; for
 * resuming after a process crash, use a journal kept in a database shared by the instances.
 * Implementations must be thread-safe, and {@link #tryBegin} must be atomic.
 */
public interface MigrationJournal {
  /** Returns a new, empty journal held in this process. */
  static MigrationJournal inMemory() {
    return new InMemoryMigrationJournal();
  }

  /**
   * Records a new migration, unless its tenant already has an unfinished one (whose phase is not
   * terminal).
   *
   * @return true if recorded, false if the tenant has an unfinished migration (nothing changes)
   * @throws IllegalArgumentException if a migration with the same id is already recorded
   */
  boolean tryBegin(MigrationState state);

  /**
   * Replaces the recorded state of the migration with the same id.
   *
   * @throws IllegalArgumentException if no migration with that id is recorded
   */
  void update(MigrationState state);

  /** Returns the migration with {@code id}, if recorded. */
  Optional<MigrationState> find(UUID id);

  /** Returns the tenant's unfinished migration, if it has one. */
  Optional<MigrationState> unfinished(TenantId tenant);

  /** Returns every recorded migration, oldest plan first. */
  List<MigrationState> list();
}
