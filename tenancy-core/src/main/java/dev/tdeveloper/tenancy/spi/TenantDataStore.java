package dev.tdeveloper.tenancy.spi;

import dev.tdeveloper.tenancy.TenantId;
import java.util.List;
import java.util.Optional;

/**
 * Where a tenant's keyed records live, seen through the few operations that moving a tenant between
 * stores needs: paged export in key order, idempotent import, an order-independent checksum, and
 * deletion. Every operation touches exactly one tenant's records: a store never returns, changes or
 * deletes another tenant's data, even for equal keys.
 *
 * <p>Implementations must be thread-safe. Backends prove conformance by extending {@code
 * dev.tdeveloper.tenancy.testkit.TenantDataStoreContract} from the {@code tenancy-testkit}
 * artifact.
 */
public interface TenantDataStore {
  /** The largest page {@link #export} must serve: {@value}. */
  int MAX_BATCH_SIZE = 10_000;

  /** Returns the store's name, for messages, events and the migration journal. */
  String name();

  /**
   * Returns the next page of {@code tenant}'s records: those whose key comes strictly after {@code
   * afterKey} (from the first when empty) in {@link DataRecord#KEY_ORDER}, in that order, at most
   * {@code batchSize} of them. An empty list means there are no more. {@code afterKey} need not be
   * a stored key.
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code batchSize} is not within 1 and {@value
   *     #MAX_BATCH_SIZE}, or {@code afterKey} is not a valid key
   */
  List<DataRecord> export(TenantId tenant, Optional<String> afterKey, int batchSize);

  /**
   * Inserts or replaces {@code records} for {@code tenant}, by key. Importing the same records
   * again changes nothing, so a batch interrupted by a crash can simply be imported again. An
   * invalid batch changes nothing.
   *
   * @throws NullPointerException if an argument or element is null
   * @throws IllegalArgumentException if two records in the batch have the same key
   */
  void importBatch(TenantId tenant, List<DataRecord> records);

  /**
   * Returns the checksum of {@code tenant}'s records, as {@link Checksum#of} computes it; {@link
   * Checksum#EMPTY} for a tenant without records.
   *
   * @throws NullPointerException if {@code tenant} is null
   */
  Checksum checksum(TenantId tenant);

  /**
   * Deletes every record of {@code tenant}.
   *
   * @return how many records were deleted; 0 if there were none
   * @throws NullPointerException if {@code tenant} is null
   */
  long deleteAll(TenantId tenant);
}
