package dev.tdeveloper.tenancy.migration;

import dev.tdeveloper.tenancy.TenancyException;
import dev.tdeveloper.tenancy.TenantId;
import java.util.UUID;

/**
 * Thrown when a store, the router or the journal fails during a migration. The journal keeps the
 * migration's progress; {@link TenantMigrator#resume(UUID)} continues it where it stopped, and
 * {@link TenantMigrator#abort(UUID)} gives it up (before cutover).
 */
public final class MigrationInterruptedException extends TenancyException {
  private static final long serialVersionUID = 1L;
  private final UUID migrationId;
  private final TenantId tenant;
  private final MigrationPhase phase;

  /**
   * Creates the exception.
   *
   * @param state the migration's state when interrupted
   * @param cause the failure
   */
  public MigrationInterruptedException(MigrationState state, Throwable cause) {
    super(
        "migration "
            + state.plan().id()
            + " of tenant '"
            + state.plan().tenant()
            + "' was interrupted in phase "
            + state.phase()
            + " after "
            + state.copiedRecords()
            + " copied record(s): "
            + cause
            + "; resume it with resume("
            + state.plan().id()
            + ")",
        cause);
    this.migrationId = state.plan().id();
    this.tenant = state.plan().tenant();
    this.phase = state.phase();
  }

  /** Returns the migration's id, to resume or abort it. */
  public UUID migrationId() {
    return migrationId;
  }

  /** Returns the tenant that was being migrated. */
  public TenantId tenant() {
    return tenant;
  }

  /** Returns the phase that was interrupted. */
  public MigrationPhase phase() {
    return phase;
  }
}
