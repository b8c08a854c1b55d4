package dev.tdeveloper.tenancy.migration;

import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.routing.ShardId;
import dev.tdeveloper.tenancy.spi.Checksum;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * What {@link TenantMigrator#plan} decided: which tenant moves from which shard's store to which,
 * and what the source held when planned. The counts are a snapshot: verification compares the
 * source and target as they are after the copy.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the migration's identifier, used to resume it
 * @param tenant the tenant to move
 * @param source the shard the tenant is routed to now
 * @param target the shard it moves to
 * @param sourceStore the name of the source shard's store
 * @param targetStore the name of the target shard's store
 * @param recordCount how many records the source held when planned
 * @param sourceChecksum the source's checksum when planned
 * @param overwriteTarget whether the tenant's records already in the target are deleted first
 * @param plannedAt when the plan was made
 */
public record MigrationPlan(
    UUID id,
    TenantId tenant,
    ShardId source,
    ShardId target,
    String sourceStore,
    String targetStore,
    long recordCount,
    Checksum sourceChecksum,
    boolean overwriteTarget,
    Instant plannedAt) {

  /**
   * Validates the fields.
   *
   * @throws NullPointerException naming a null field
   * @throws IllegalArgumentException if {@code source} equals {@code target} or {@code recordCount}
   *     is negative
   */
  public MigrationPlan {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(sourceStore, "sourceStore");
    Objects.requireNonNull(targetStore, "targetStore");
    Objects.requireNonNull(sourceChecksum, "sourceChecksum");
    Objects.requireNonNull(plannedAt, "plannedAt");
    if (source.equals(target)) {
      throw new IllegalArgumentException(
          "target must differ from source, both were '" + source + "'");
    }
    if (recordCount < 0) {
      throw new IllegalArgumentException("recordCount must be at least 0, was " + recordCount);
    }
  }
}
