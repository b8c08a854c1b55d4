package dev.tdeveloper.tenancy.migration;

import dev.tdeveloper.tenancy.TenancyException;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.spi.Checksum;
import java.util.UUID;

/**
 * Thrown when a migration's copy does not match its source. The tenant was not cut over, its source
 * data and its route are untouched, the copy was removed from the target, and the migration is
 * recorded as {@link MigrationPhase#FAILED}.
 */
public final class MigrationVerificationException extends TenancyException {
  private static final long serialVersionUID = 1L;
  private final UUID migrationId;
  private final TenantId tenant;
  private final transient Checksum source;
  private final transient Checksum target;

  /**
   * Creates the exception.
   *
   * @param plan the migration's plan
   * @param source the source's checksum
   * @param target the target's checksum
   */
  public MigrationVerificationException(MigrationPlan plan, Checksum source, Checksum target) {
    super(
        "migration "
            + plan.id()
            + " of tenant '"
            + plan.tenant()
            + "' failed verification: source store '"
            + plan.sourceStore()
            + "' has "
            + source
            + " but target store '"
            + plan.targetStore()
            + "' has "
            + target
            + "; not cut over, source data untouched");
    this.migrationId = plan.id();
    this.tenant = plan.tenant();
    this.source = source;
    this.target = target;
  }

  /** Returns the migration's id. */
  public UUID migrationId() {
    return migrationId;
  }

  /** Returns the tenant that was being migrated. */
  public TenantId tenant() {
    return tenant;
  }

  /** Returns the source's checksum. */
  public Checksum sourceChecksum() {
    return source;
  }

  /** Returns the target's checksum. */
  public Checksum targetChecksum() {
    return target;
  }
}
