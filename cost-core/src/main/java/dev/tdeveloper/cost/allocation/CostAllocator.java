package dev.tdeveloper.cost.allocation;

import dev.tdeveloper.cost.usage.UsageRecord;
import dev.tdeveloper.tenancy.TenantId;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Allocates a bill to tenants, as OpenCost does: each asset's effective cost goes to the tenants
 * that used it in proportion to their charged usage over its capacity (CPU and memory charged at
 * max(request, usage)); the rest is idle, kept or shared by {@link IdleSharing}; assets designated
 * shared (by id, or by a predicate on service or tags) are split by {@link SharedSplit}. Each
 * asset's cost is split once with {@link dev.tdeveloper.cost.money.Apportionment} over all its
 * parts, so its lines add up to it exactly and the {@link Allocation} reconciles to the bill to the
 * last unit.
 *
 * <p>Bad input is refused with an {@link AllocationException} before anything is returned: usage
 * for an asset not in the bill (it cannot be priced, and silently dropping it would hide a broken
 * pipeline), usage outside its asset's period or of another resource, usage above capacity (unless
 * {@link OverCapacity#SCALE_TO_CAPACITY}), mixed currencies, duplicate asset ids, a shared id not
 * in the bill, a tenant without a weight under {@link IdleSharing#WEIGHTED}.
 *
 * <p>Immutable and thread-safe (the shared-asset predicate must be too); {@link #allocate} makes
 * one pass over the usage records, summing per asset and tenant in hash maps.
 */
public final class CostAllocator {
  private final IdleSharing idleSharing;
  private final Map<TenantId, BigDecimal> tenantWeights;
  private final Set<String> sharedIds;
  private final Optional<Predicate<Asset>> sharedWhen;
  private final SharedSplit sharedSplit;
  private final Map<TenantId, BigDecimal> sharedMetric;
  private final OverCapacity overCapacity;

  private CostAllocator(Builder b) {
    this.idleSharing = b.idleSharing == null ? IdleSharing.NONE : b.idleSharing;
    this.tenantWeights = Map.copyOf(b.tenantWeights == null ? Map.of() : b.tenantWeights);
    this.sharedIds = Set.copyOf(b.sharedIds);
    this.sharedWhen = Optional.ofNullable(b.sharedWhen);
    this.sharedSplit = b.sharedSplit == null ? SharedSplit.UNIFORM : b.sharedSplit;
    this.sharedMetric =
        Map.copyOf(new TreeMap<>(b.sharedMetric == null ? Map.of() : b.sharedMetric));
    this.overCapacity = b.overCapacity == null ? OverCapacity.REFUSE : b.overCapacity;
  }

  /**
   * A builder; defaults: idle NONE, shared UNIFORM, usage above capacity refused, no shared assets.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Allocates a bill.
   *
   * @param assets the bill's lines, at least one, unique ids, one currency
   * @param usage the tenants' usage records of those assets
   * @return the allocation, reconciled
   * @throws AllocationException naming the asset, record or tenant when the input cannot be
   *     allocated (see the class comment)
   * @throws IllegalArgumentException when {@code assets} is empty
   */
  public Allocation allocate(List<Asset> assets, List<UsageRecord> usage) {
    Objects.requireNonNull(assets, "assets");
    Objects.requireNonNull(usage, "usage");
    if (assets.isEmpty()) {
      throw new IllegalArgumentException("assets: empty; allowed: at least one bill line");
    }
    Currency currency = assets.get(0).effectiveCost().currency();
    Map<String, AssetUsage> byId = new HashMap<>(assets.size() * 2);
    List<AssetUsage> ordered = new ArrayList<>(assets.size());
    for (Asset a : assets) {
      if (a == null) {
        throw new NullPointerException("assets[" + ordered.size() + "]");
      }
      if (!a.effectiveCost().currency().equals(currency)) {
        throw new AllocationException(
            "asset "
                + a.id()
                + ": currency "
                + a.effectiveCost().currency()
                + " mixed with "
                + currency
                + " of asset "
                + assets.get(0).id()
                + "; allowed: one currency per allocation (convert first)");
      }
      AssetUsage au = new AssetUsage(a, isShared(a));
      if (byId.putIfAbsent(a.id(), au) != null) {
        throw new AllocationException(
            "asset " + a.id() + ": duplicate id in the bill; allowed: unique asset ids");
      }
      ordered.add(au);
    }
    for (String id : new TreeSet<>(sharedIds)) {
      if (!byId.containsKey(id)) {
        throw new AllocationException(
            "shared asset " + id + ": not in the bill; allowed: ids of the allocated assets");
      }
    }
    int index = 0;
    for (UsageRecord r : usage) {
      if (r == null) {
        throw new NullPointerException("usage[" + index + "]");
      }
      AssetUsage au = byId.get(r.assetId());
      if (au == null) {
        throw new AllocationException(
            AssetUsage.describe(r, index)
                + ": asset not in the bill; allowed: usage of the allocated assets");
      }
      au.add(r, index++);
    }
    PartTable lines = new PartTable();
    long parts = 0; // at most a usage and an idle-share part per tenant, or one idle part
    for (AssetUsage au : ordered) {
      parts += au.shared ? 0 : 2L * au.charged.size() + 1;
    }
    lines.reserve((int) Math.min(parts, Integer.MAX_VALUE - 8));
    AssetSplit split = new AssetSplit(idleSharing, tenantWeights, overCapacity);
    for (AssetUsage au : ordered) {
      if (!au.shared) {
        split.split(au, lines);
        au.charged.clear(); // its sums live on in the lines; the table need not
      }
    }
    // Every tenant with usage of a non-shared asset has a line by now; add those that used only
    // shared assets. The shared split orders them, once.
    TenantIndex withLines = lines.tenants();
    Set<TenantId> active = new HashSet<>(withLines.size() * 2);
    for (int n = 0; n < withLines.size(); n++) {
      active.add(withLines.tenant(n));
    }
    for (AssetUsage au : ordered) {
      if (au.shared) {
        active.addAll(au.charged.tenants());
      }
    }
    SharedCostSplit shared =
        new SharedCostSplit(sharedSplit, sharedMetric, active, lines.tenantSums());
    parts = 0;
    for (AssetUsage au : ordered) {
      parts += au.shared ? shared.parts() : 0;
    }
    lines.reserve((int) Math.min(parts, Integer.MAX_VALUE - 8));
    for (AssetUsage au : ordered) {
      if (au.shared) {
        shared.split(au.asset, lines);
      }
    }
    return new Allocation(currency, assets, lines);
  }

  /**
   * Whether an asset is a shared platform cost under this allocator's designations.
   *
   * @param asset an asset
   * @return true when its id was designated shared or the predicate accepts it
   */
  public boolean isShared(Asset asset) {
    return sharedIds.contains(asset.id()) || sharedWhen.map(p -> p.test(asset)).orElse(false);
  }

  /**
   * Configures a {@link CostAllocator}; each setting may be given once. Not thread-safe.
   *
   * <p>{@link #build()} throws {@link IllegalStateException} when {@link IdleSharing#WEIGHTED} is
   * chosen without {@link #tenantWeights} (or weights given without it), and likewise for {@link
   * SharedSplit#CUSTOM} and {@link #sharedMetric}.
   */
  public static final class Builder {
    private IdleSharing idleSharing;
    private Map<TenantId, BigDecimal> tenantWeights;
    private final Set<String> sharedIds = new LinkedHashSet<>();
    private Predicate<Asset> sharedWhen;
    private SharedSplit sharedSplit;
    private Map<TenantId, BigDecimal> sharedMetric;
    private OverCapacity overCapacity;

    private Builder() {}

    /**
     * How idle cost is handled; default {@link IdleSharing#NONE}.
     *
     * @param sharing the rule
     * @return this builder
     */
    public Builder idleSharing(IdleSharing sharing) {
      once(idleSharing, "idleSharing");
      this.idleSharing = Objects.requireNonNull(sharing, "idleSharing");
      return this;
    }

    /**
     * The weights idle is shared by under {@link IdleSharing#WEIGHTED}; every tenant with usage
     * needs one.
     *
     * @param weights weight per tenant, each at least 0
     * @return this builder
     * @throws IllegalArgumentException naming the tenant when a weight is negative
     */
    public Builder tenantWeights(Map<TenantId, BigDecimal> weights) {
      once(tenantWeights, "tenantWeights");
      this.tenantWeights = nonNegative(weights, "tenantWeights");
      return this;
    }

    /**
     * Designates assets as shared platform costs by id; may be called repeatedly.
     *
     * @param ids asset ids, each of which must be in the bills allocated
     * @return this builder
     * @throws IllegalArgumentException when an id is blank
     */
    public Builder sharedAssets(String... ids) {
      for (String id : ids) {
        Objects.requireNonNull(id, "sharedAssets id");
        if (id.isBlank()) {
          throw new IllegalArgumentException("sharedAssets: blank id; allowed: an asset id");
        }
        sharedIds.add(id);
      }
      return this;
    }

    /**
     * Designates assets as shared by a predicate, e.g. on {@link Asset#service()} or {@link
     * Asset#tags()}; it must be thread-safe and side-effect free.
     *
     * @param predicate accepts the shared assets
     * @return this builder
     */
    public Builder sharedWhen(Predicate<Asset> predicate) {
      once(sharedWhen, "sharedWhen");
      this.sharedWhen = Objects.requireNonNull(predicate, "sharedWhen");
      return this;
    }

    /**
     * How shared costs are split; default {@link SharedSplit#UNIFORM}.
     *
     * @param split the rule
     * @return this builder
     */
    public Builder sharedSplit(SharedSplit split) {
      once(sharedSplit, "sharedSplit");
      this.sharedSplit = Objects.requireNonNull(split, "sharedSplit");
      return this;
    }

    /**
     * The metric shared costs are split by under {@link SharedSplit#CUSTOM}; tenants absent or at 0
     * pay no shared cost.
     *
     * @param metric value per tenant, each at least 0
     * @return this builder
     * @throws IllegalArgumentException naming the tenant when a value is negative
     */
    public Builder sharedMetric(Map<TenantId, BigDecimal> metric) {
      once(sharedMetric, "sharedMetric");
      this.sharedMetric = nonNegative(metric, "sharedMetric");
      return this;
    }

    /**
     * What to do with usage above an asset's capacity; default {@link OverCapacity#REFUSE}.
     *
     * @param rule the rule
     * @return this builder
     */
    public Builder overCapacity(OverCapacity rule) {
      once(overCapacity, "overCapacity");
      this.overCapacity = Objects.requireNonNull(rule, "overCapacity");
      return this;
    }

    /**
     * Builds the allocator.
     *
     * @return an immutable allocator
     * @throws IllegalStateException when a rule lacks its data or data is given without its rule
     */
    public CostAllocator build() {
      boolean weighted = idleSharing == IdleSharing.WEIGHTED;
      if (weighted != (tenantWeights != null)) {
        throw new IllegalStateException(
            weighted
                ? "idleSharing WEIGHTED: no tenantWeights; allowed: give tenantWeights"
                : "tenantWeights: given but idleSharing is " + idleSharing + "; allowed: WEIGHTED");
      }
      boolean custom = sharedSplit == SharedSplit.CUSTOM;
      if (custom != (sharedMetric != null)) {
        throw new IllegalStateException(
            custom
                ? "sharedSplit CUSTOM: no sharedMetric; allowed: give sharedMetric"
                : "sharedMetric: given but sharedSplit is " + sharedSplit + "; allowed: CUSTOM");
      }
      return new CostAllocator(this);
    }

    private static void once(Object current, String name) {
      if (current != null) {
        throw new IllegalStateException(name + ": already set; allowed: once per builder");
      }
    }

    private static Map<TenantId, BigDecimal> nonNegative(
        Map<TenantId, BigDecimal> values, String name) {
      Objects.requireNonNull(values, name);
      Map<TenantId, BigDecimal> copy = new HashMap<>();
      values.forEach(
          (t, v) -> {
            Objects.requireNonNull(t, name + " tenant");
            Objects.requireNonNull(v, name + " of " + t.value());
            if (v.signum() < 0) {
              throw new IllegalArgumentException(
                  name
                      + " of "
                      + t.value()
                      + ": "
                      + v.toPlainString()
                      + " is negative; allowed: >= 0");
            }
            copy.put(t, v);
          });
      return copy;
    }
  }
}
