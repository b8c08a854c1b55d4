package dev.tdeveloper.tenancy.migration;

import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.spi.Checksum;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * What a {@link TenantMigrator} publishes to its listeners: each phase entered, each batch copied,
 * a failed verification, and an interruption that can be resumed.
 *
 * <p>Events are immutable and thread-safe.
 */
public sealed interface MigrationEvent {
  /** Returns the migration's id. */
  UUID migrationId();

  /** Returns the migrated tenant. */
  TenantId tenant();

  /** Returns when the event happened. */
  Instant at();

  /**
   * The migration entered a phase.
   *
   * @param migrationId the migration's id
   * @param tenant the migrated tenant
   * @param phase the phase entered
   * @param at when
   */
  record PhaseEntered(UUID migrationId, TenantId tenant, MigrationPhase phase, Instant at)
      implements MigrationEvent {
    /** Validates the fields. */
    public PhaseEntered {
      Objects.requireNonNull(migrationId, "migrationId");
      Objects.requireNonNull(tenant, "tenant");
      Objects.requireNonNull(phase, "phase");
      Objects.requireNonNull(at, "at");
    }
  }

  /**
   * A batch of records was copied and the journal advanced past it.
   *
   * @param migrationId the migration's id
   * @param tenant the migrated tenant
   * @param records how many records the batch held
   * @param copiedRecords how many records were copied so far
   * @param lastKey the batch's last key, where a resumed copy continues after
   * @param at when
   */
  record BatchCopied(
      UUID migrationId,
      TenantId tenant,
      int records,
      long copiedRecords,
      String lastKey,
      Instant at)
      implements MigrationEvent {
    /** Validates the fields. */
    public BatchCopied {
      Objects.requireNonNull(migrationId, "migrationId");
      Objects.requireNonNull(tenant, "tenant");
      Objects.requireNonNull(lastKey, "lastKey");
      Objects.requireNonNull(at, "at");
    }
  }

  /**
   * The target's copy did not match the source: no cutover, the migration is {@link
   * MigrationPhase#FAILED}.
   *
   * @param migrationId the migration's id
   * @param tenant the migrated tenant
   * @param source the source's checksum
   * @param target the target's checksum
   * @param at when
   */
  record VerificationFailed(
      UUID migrationId, TenantId tenant, Checksum source, Checksum target, Instant at)
      implements MigrationEvent {
    /** Validates the fields. */
    public VerificationFailed {
      Objects.requireNonNull(migrationId, "migrationId");
      Objects.requireNonNull(tenant, "tenant");
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(target, "target");
      Objects.requireNonNull(at, "at");
    }
  }

  /**
   * A store, the router or the journal failed during a phase; the journal keeps the progress and
   * {@link TenantMigrator#resume} continues from it.
   *
   * @param migrationId the migration's id
   * @param tenant the migrated tenant
   * @param phase the phase that was interrupted
   * @param reason the failure's description
   * @param at when
   */
  record Interrupted(
      UUID migrationId, TenantId tenant, MigrationPhase phase, String reason, Instant at)
      implements MigrationEvent {
    /** Validates the fields. */
    public Interrupted {
      Objects.requireNonNull(migrationId, "migrationId");
      Objects.requireNonNull(tenant, "tenant");
      Objects.requireNonNull(phase, "phase");
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(at, "at");
    }
  }
}
