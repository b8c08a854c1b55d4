package dev.tdeveloper.tenancy.migration;

import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.spi.Checksum;
import dev.tdeveloper.tenancy.spi.DataRecord;
import dev.tdeveloper.tenancy.spi.TenantDataStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The default {@link TenantDataStore}: records held in this process, one sorted map per tenant, so
 * a tenant's operations can only ever reach that tenant's map.
 *
 * <p>Thread-safe. Imports and deletions of one tenant are serialized and applied whole; exports and
 * checksums do not lock and see a consistent state of each record, but may see a concurrent import
 * of the same tenant partly applied.
 */
public final class InMemoryTenantDataStore implements TenantDataStore {
  private final String name;
  private final ConcurrentHashMap<TenantId, ConcurrentSkipListMap<String, byte[]>> tenants =
      new ConcurrentHashMap<>();

  /**
   * Creates an empty store.
   *
   * @param name the store's name, not blank
   * @throws IllegalArgumentException if {@code name} is blank
   */
  public InMemoryTenantDataStore(String name) {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("name must not be blank");
    }
    this.name = name;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public List<DataRecord> export(TenantId tenant, Optional<String> afterKey, int batchSize) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(afterKey, "afterKey");
    if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
      throw new IllegalArgumentException(
          "batchSize must be within 1 and " + MAX_BATCH_SIZE + ", was " + batchSize);
    }
    afterKey.ifPresent(DataRecord::requireValidKey);
    NavigableMap<String, byte[]> records = tenants.get(tenant);
    if (records == null) {
      return List.of();
    }
    NavigableMap<String, byte[]> page =
        afterKey.isPresent() ? records.tailMap(afterKey.get(), false) : records;
    List<DataRecord> out = new ArrayList<>(Math.min(batchSize, 256));
    for (Map.Entry<String, byte[]> entry : page.entrySet()) {
      if (out.size() == batchSize) {
        break;
      }
      out.add(new DataRecord(entry.getKey(), entry.getValue()));
    }
    return List.copyOf(out);
  }

  @Override
  public void importBatch(TenantId tenant, List<DataRecord> records) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(records, "records");
    Map<String, byte[]> batch = new HashMap<>();
    for (DataRecord record : records) {
      Objects.requireNonNull(record, "record");
      if (batch.put(record.key(), record.value()) != null) {
        throw new IllegalArgumentException(
            "records has key '" + record.key() + "' twice; keys in a batch must be unique");
      }
    }
    if (batch.isEmpty()) {
      return;
    }
    tenants.compute(
        tenant,
        (id, existing) -> {
          ConcurrentSkipListMap<String, byte[]> target =
              existing != null ? existing : new ConcurrentSkipListMap<>(DataRecord.KEY_ORDER);
          target.putAll(batch);
          return target;
        });
  }

  @Override
  public Checksum checksum(TenantId tenant) {
    Objects.requireNonNull(tenant, "tenant");
    NavigableMap<String, byte[]> records = tenants.get(tenant);
    if (records == null) {
      return Checksum.EMPTY;
    }
    Checksum.Accumulator accumulator = Checksum.accumulator();
    records.forEach((key, value) -> accumulator.add(new DataRecord(key, value)));
    return accumulator.result();
  }

  @Override
  public long deleteAll(TenantId tenant) {
    Objects.requireNonNull(tenant, "tenant");
    NavigableMap<String, byte[]> removed = tenants.remove(tenant);
    return removed == null ? 0 : removed.size();
  }

  @Override
  public String toString() {
    return "InMemoryTenantDataStore[" + name + ", tenants=" + tenants.size() + "]";
  }
}
