package dev.tdeveloper.tenancy.migration;

import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.routing.ShardId;
import dev.tdeveloper.tenancy.spi.Checksum;
import dev.tdeveloper.tenancy.spi.DataRecord;
import dev.tdeveloper.tenancy.spi.TenantDataStore;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link TenantMigrator#dryRun} found: what a migration would copy, and why it would refuse to
 * start, if it would. Making it read the source once and wrote nothing.
 *
 * <p>Immutable and thread-safe.
 *
 * @param tenant the tenant
 * @param source the source shard
 * @param target the target shard
 * @param recordCount how many records would be copied
 * @param totalBytes their UTF-8 key bytes plus value bytes
 * @param batches how many batches the copy would take
 * @param firstKey the first key that would be copied, if any
 * @param lastKey the last key that would be copied, if any
 * @param sourceChecksum the checksum of the records read
 * @param targetRecordCount how many records the tenant already has in the target
 * @param blockers why {@link TenantMigrator#migrate} would refuse to start; empty if it would start
 */
public record DryRunReport(
    TenantId tenant,
    ShardId source,
    ShardId target,
    long recordCount,
    long totalBytes,
    long batches,
    Optional<String> firstKey,
    Optional<String> lastKey,
    Checksum sourceChecksum,
    long targetRecordCount,
    List<String> blockers) {

  /**
   * Validates the fields and copies {@code blockers}.
   *
   * @throws NullPointerException naming a null field
   */
  public DryRunReport {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(firstKey, "firstKey");
    Objects.requireNonNull(lastKey, "lastKey");
    Objects.requireNonNull(sourceChecksum, "sourceChecksum");
    blockers = List.copyOf(Objects.requireNonNull(blockers, "blockers"));
  }

  /** Reads the source page by page and reports what a migration would copy. */
  static DryRunReport scan(
      TenantId tenant,
      ShardId source,
      ShardId target,
      TenantDataStore sourceStore,
      int batchSize,
      long targetRecordCount,
      List<String> blockers) {
    Checksum.Accumulator checksum = Checksum.accumulator();
    long bytes = 0;
    long batches = 0;
    Optional<String> first = Optional.empty();
    Optional<String> after = Optional.empty();
    while (true) {
      List<DataRecord> batch = sourceStore.export(tenant, after, batchSize);
      if (batch.isEmpty()) {
        break;
      }
      batches++;
      for (DataRecord record : batch) {
        checksum.add(record);
        bytes += record.key().getBytes(StandardCharsets.UTF_8).length + record.valueLength();
      }
      first = first.isPresent() ? first : Optional.of(batch.get(0).key());
      after = Optional.of(batch.get(batch.size() - 1).key());
      if (batch.size() < batchSize) {
        break;
      }
    }
    Checksum sum = checksum.result();
    return new DryRunReport(
        tenant,
        source,
        target,
        sum.count(),
        bytes,
        batches,
        first,
        after,
        sum,
        targetRecordCount,
        blockers);
  }

  /** Returns whether a migration with the same arguments would start now. */
  public boolean wouldStart() {
    return blockers.isEmpty();
  }
}
