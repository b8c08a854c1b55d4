package dev.tdeveloper.cost.usage;

import dev.tdeveloper.cost.CostException;
import dev.tdeveloper.cost.price.ResourceType;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.usage.UsageMeter;
import dev.tdeveloper.tenancy.usage.WindowAggregate;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Turns tenancy-core usage metering windows ({@link UsageMeter#closedWindows}) into {@link
 * UsageRecord}s by a {@link MeterMapping} per meter: each closed window of a mapped meter becomes
 * usage over that window, its value scaled by the mapping's factor. A meter of requests and a meter
 * of use mapped to the same resource, asset and workload make one record with both (so CPU and RAM
 * are charged at max(request, use)); several meters of the same measure are added up.
 *
 * <p>A window of a meter without mapping is either skipped and counted in {@link
 * MeteringResult#skippedWindows()} ({@link UnmappedMeters#SKIP}, the default: meters such as API
 * calls or seats need no cost mapping) or refused ({@link UnmappedMeters#FAIL}). Records keep each
 * window's tenant; windows of different tenants never merge.
 *
 * <p>Immutable and thread-safe.
 */
public final class MeteringUsageAdapter {
  /** What to do with windows of a meter that has no mapping. */
  public enum UnmappedMeters {
    /** Skip them, counting them per meter in the result. */
    SKIP,
    /** Refuse the whole batch with a {@link CostException} naming the meters. */
    FAIL
  }

  private final Map<String, MeterMapping> mappings;
  private final UnmappedMeters unmapped;

  private MeteringUsageAdapter(Map<String, MeterMapping> mappings, UnmappedMeters unmapped) {
    this.mappings = Map.copyOf(mappings);
    this.unmapped = unmapped;
  }

  /**
   * Starts an adapter; at least one mapping is required.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Converts the closed windows of {@code meter} that start in {@code period}.
   *
   * @param meter the usage meter; its {@code closedWindows} cross tenants, so keep this internal
   * @param period which windows, by start
   * @return the records and skipped windows
   * @throws CostException as {@link #adapt}
   */
  public MeteringResult ingest(UsageMeter meter, CostPeriod period) {
    Objects.requireNonNull(meter, "meter");
    Objects.requireNonNull(period, "period");
    return adapt(meter.closedWindows(period.start(), period.end()));
  }

  /**
   * Converts windows.
   *
   * @param windows closed windows of any tenants and meters
   * @return the records (in {@link UsageRecords#ORDER}) and the skipped windows
   * @throws CostException naming the window when one is still open or has a negative value, or
   *     naming every unmapped meter when configured to {@link UnmappedMeters#FAIL}; nothing is
   *     returned then
   */
  public MeteringResult adapt(Collection<WindowAggregate> windows) {
    Objects.requireNonNull(windows, "windows");
    Map<Key, BigDecimal[]> sums = new LinkedHashMap<>();
    TreeMap<String, Integer> skipped = new TreeMap<>();
    for (WindowAggregate w : windows) {
      if (!w.closed()) {
        throw new CostException(
            "usage: window "
                + describe(w)
                + " is still open, its value may change; allowed: closed windows only");
      }
      if (w.value() < 0) {
        throw new CostException(
            "usage: window "
                + describe(w)
                + " has negative value "
                + w.value()
                + "; allowed: >= 0");
      }
      MeterMapping m = mappings.get(w.meter());
      if (m == null) {
        skipped.merge(w.meter(), 1, Integer::sum);
        continue;
      }
      Key key =
          new Key(
              w.tenant(),
              m.workload(),
              m.assetId(),
              m.resource(),
              CostPeriod.of(w.windowStart(), w.windowEnd()));
      BigDecimal[] sum = sums.computeIfAbsent(key, k -> new BigDecimal[] {null, null});
      int slot = m.measure() == MeterMapping.Measure.REQUESTED ? 0 : 1;
      BigDecimal quantity = m.factor().apply(w.value());
      sum[slot] = sum[slot] == null ? quantity : sum[slot].add(quantity);
    }
    if (unmapped == UnmappedMeters.FAIL && !skipped.isEmpty()) {
      throw new CostException(
          "usage: no mapping for meters "
              + skipped.keySet()
              + " ("
              + skipped.values().stream().mapToInt(Integer::intValue).sum()
              + " windows); allowed: mapped meters "
              + new TreeSet<>(mappings.keySet()));
    }
    List<UsageRecord> records = new ArrayList<>(sums.size());
    sums.forEach(
        (k, sum) ->
            records.add(
                new UsageRecord(
                    k.tenant,
                    k.workload,
                    k.assetId,
                    k.resource,
                    k.period,
                    sum[0] == null ? BigDecimal.ZERO : sum[0],
                    sum[1] == null ? BigDecimal.ZERO : sum[1])));
    records.sort(UsageRecords.ORDER);
    return new MeteringResult(records, skipped);
  }

  /**
   * The mappings, by meter name.
   *
   * @return an unmodifiable map
   */
  public Map<String, MeterMapping> mappings() {
    return mappings;
  }

  private static String describe(WindowAggregate w) {
    return w.meter()
        + " of tenant "
        + w.tenant().value()
        + " ["
        + w.windowStart()
        + ", "
        + w.windowEnd()
        + ")";
  }

  private record Key(
      TenantId tenant, String workload, String assetId, ResourceType resource, CostPeriod period) {}

  /**
   * Configures a {@link MeteringUsageAdapter}. Not thread-safe; {@link #build()} copies, so a built
   * adapter never changes.
   */
  public static final class Builder {
    private final Map<String, MeterMapping> mappings = new LinkedHashMap<>();
    private UnmappedMeters unmapped;

    private Builder() {}

    /**
     * Adds a mapping.
     *
     * @param mapping how one meter becomes usage
     * @return this builder
     * @throws IllegalArgumentException when the meter is already mapped, naming both mappings
     */
    public Builder map(MeterMapping mapping) {
      Objects.requireNonNull(mapping, "mapping");
      MeterMapping earlier = mappings.putIfAbsent(mapping.meter(), mapping);
      if (earlier != null) {
        throw new IllegalArgumentException(
            "meter: '"
                + mapping.meter()
                + "' mapped twice: "
                + earlier
                + " and "
                + mapping
                + "; allowed: one mapping per meter");
      }
      return this;
    }

    /**
     * Sets what happens to windows of unmapped meters; {@link UnmappedMeters#SKIP} by default.
     *
     * @param policy skip (and count) or fail
     * @return this builder
     * @throws IllegalStateException when already set
     */
    public Builder unmappedMeters(UnmappedMeters policy) {
      Objects.requireNonNull(policy, "policy");
      if (unmapped != null) {
        throw new IllegalStateException(
            "unmappedMeters: already set to " + unmapped + "; allowed: set once");
      }
      unmapped = policy;
      return this;
    }

    /**
     * Builds the adapter.
     *
     * @return the adapter
     * @throws IllegalStateException when no mapping was added
     */
    public MeteringUsageAdapter build() {
      if (mappings.isEmpty()) {
        throw new IllegalStateException("mappings: none; allowed: at least one map(...)");
      }
      return new MeteringUsageAdapter(mappings, unmapped == null ? UnmappedMeters.SKIP : unmapped);
    }
  }
}
