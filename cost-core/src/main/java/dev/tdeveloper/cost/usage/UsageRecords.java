package dev.tdeveloper.cost.usage;

import dev.tdeveloper.cost.price.ResourceType;
import dev.tdeveloper.tenancy.TenantId;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Helpers over {@link UsageRecord}s: a canonical order, construction of use-only records, and the
 * groupings the allocator and reports need (by asset, by tenant, charged totals). Every method
 * returns new unmodifiable collections and leaves its input alone. Thread-safe: holds no state.
 */
public final class UsageRecords {
  /** Orders records by tenant, workload, asset, resource, period start and end. */
  public static final Comparator<UsageRecord> ORDER =
      Comparator.comparing(UsageRecord::tenant)
          .thenComparing(UsageRecord::workload)
          .thenComparing(UsageRecord::assetId)
          .thenComparing(UsageRecord::resource)
          .thenComparing(r -> r.period().start())
          .thenComparing(r -> r.period().end());

  private UsageRecords() {}

  /**
   * A record of use with nothing requested, for resources charged by use alone (storage, egress,
   * requests, GPU) or workloads without requests.
   *
   * @param tenant the tenant
   * @param workload its workload
   * @param assetId the asset consumed
   * @param resource what was used
   * @param period when
   * @param used how much, in the resource's unit
   * @return the record, requested 0
   */
  public static UsageRecord used(
      TenantId tenant,
      String workload,
      String assetId,
      ResourceType resource,
      CostPeriod period,
      BigDecimal used) {
    return new UsageRecord(tenant, workload, assetId, resource, period, BigDecimal.ZERO, used);
  }

  /**
   * Records sorted in {@link #ORDER}.
   *
   * @param records any records
   * @return a sorted copy
   */
  public static List<UsageRecord> sorted(Collection<UsageRecord> records) {
    return records.stream().sorted(ORDER).toList();
  }

  /**
   * The records of one tenant; no other tenant's record is ever included.
   *
   * @param records any records
   * @param tenant the tenant
   * @return that tenant's records, in input order
   */
  public static List<UsageRecord> forTenant(Collection<UsageRecord> records, TenantId tenant) {
    Objects.requireNonNull(tenant, "tenant");
    return records.stream().filter(r -> r.tenant().equals(tenant)).toList();
  }

  /**
   * The records lying entirely inside a period.
   *
   * @param records any records
   * @param period the period
   * @return the records whose period the given one {@linkplain CostPeriod#encloses encloses}
   */
  public static List<UsageRecord> within(Collection<UsageRecord> records, CostPeriod period) {
    Objects.requireNonNull(period, "period");
    return records.stream().filter(r -> period.encloses(r.period())).toList();
  }

  /**
   * Records grouped by asset.
   *
   * @param records any records
   * @return asset id to its records (in {@link #ORDER}), sorted by asset id
   */
  public static SortedMap<String, List<UsageRecord>> byAsset(Collection<UsageRecord> records) {
    TreeMap<String, List<UsageRecord>> out = new TreeMap<>();
    for (UsageRecord r : sorted(records)) {
      out.computeIfAbsent(r.assetId(), k -> new ArrayList<>()).add(r);
    }
    out.replaceAll((k, v) -> List.copyOf(v));
    return Collections.unmodifiableSortedMap(out);
  }

  /**
   * The charged quantity ({@link UsageRecord#chargedQuantity()}: max(requested, used) for CPU and
   * RAM) summed per tenant. Mixes resources: call it on the records of one asset and resource.
   *
   * @param records records of one asset and resource
   * @return tenant to charged quantity, exact, sorted by tenant
   */
  public static SortedMap<TenantId, BigDecimal> chargedByTenant(Collection<UsageRecord> records) {
    TreeMap<TenantId, BigDecimal> out = new TreeMap<>();
    for (UsageRecord r : records) {
      out.merge(r.tenant(), r.chargedQuantity(), BigDecimal::add);
    }
    return Collections.unmodifiableSortedMap(out);
  }

  /**
   * The charged quantity summed over records.
   *
   * @param records records of one asset and resource
   * @return the exact total; 0 for none
   */
  public static BigDecimal totalCharged(Collection<UsageRecord> records) {
    return records.stream()
        .map(UsageRecord::chargedQuantity)
        .reduce(BigDecimal.ZERO, BigDecimal::add);
  }
}
