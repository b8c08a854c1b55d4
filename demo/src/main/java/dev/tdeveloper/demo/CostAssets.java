package dev.tdeveloper.demo;

import dev.tdeveloper.cost.allocation.Asset;
import dev.tdeveloper.cost.money.Money;
import dev.tdeveloper.cost.price.PriceBook;
import dev.tdeveloper.cost.price.PriceBooks;
import dev.tdeveloper.cost.price.PriceKey;
import dev.tdeveloper.cost.price.PricingModel;
import dev.tdeveloper.cost.price.ResourceType;
import dev.tdeveloper.cost.usage.CostPeriod;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The demo's bill: three assets per hour, priced from the demo's price book in {@link
 * DemoCost#REGION} on demand, each with the id {@code <asset>@<hour start>} (a day's allocation
 * holds its hours side by side, so idle capacity is judged hour by hour).
 *
 * <ul>
 *   <li>{@value #CLUSTER} (service {@value #CLUSTER_SERVICE}, vCPU): the simulated cluster's
 *       replica-hours, each {@link ClusterUsage#VCPU_PER_REPLICA} vCPU and {@link
 *       ClusterUsage#RAM_GB_PER_REPLICA} GB of RAM, priced at the book's vCPU-hour plus GB-hour;
 *       its capacity is the vCPU-hours held.
 *   <li>{@value #STORAGE} (service {@value #STORAGE_SERVICE}, storage): the data directory's size,
 *       measured at each hourly run, in GB-months pro rata ({@value #HOURS_PER_MONTH} hours a
 *       month), priced at the book's GB-month. Storage is not metered per tenant, so it has no
 *       usage and is reported as idle.
 *   <li>{@value #PLATFORM} (service {@value #PLATFORM_SERVICE}, vCPU, shared): the audit log and
 *       monitoring, a fixed {@value #PLATFORM_MONTHLY} a month in the book's currency, pro rata
 *       ({@value #HOURS_PER_MONTH} hours a month: 0.05 an hour), holding {@link #PLATFORM_VCPU}
 *       vCPU.
 * </ul>
 *
 * Costs are rounded half-even to {@value #COST_SCALE} decimals, so the allocated lines (and the
 * FOCUS export) carry at most that many; capacities to {@value #QUANTITY_SCALE}. Immutable and
 * thread-safe.
 */
final class CostAssets {
  /** The cluster asset's id. */
  static final String CLUSTER = "demo-cluster";

  /** The storage asset's id. */
  static final String STORAGE = "demo-data";

  /** The shared platform asset's id. */
  static final String PLATFORM = "demo-platform";

  static final String CLUSTER_SERVICE = "Demo Compute";
  static final String STORAGE_SERVICE = "Demo Storage";
  static final String PLATFORM_SERVICE = "Demo Platform";

  /** The platform's fixed monthly amount, in the price book's currency. */
  static final String PLATFORM_MONTHLY = "36.50";

  /** The vCPU the platform's processes hold. */
  static final BigDecimal PLATFORM_VCPU = new BigDecimal("0.5");

  /** Hours in a month for pro rata amounts: 8760 / 12, as cloud providers count. */
  static final int HOURS_PER_MONTH = 730;

  /** Decimals of an asset's cost. */
  static final int COST_SCALE = 6;

  /** Decimals of an asset's capacity. */
  static final int QUANTITY_SCALE = 12;

  private static final RoundingMode HALF = RoundingMode.HALF_EVEN;
  private static final BigDecimal SECONDS_PER_HOUR = BigDecimal.valueOf(3600);
  private static final BigDecimal BYTE_HOURS_PER_GB_MONTH =
      BigDecimal.valueOf(1_000_000_000L).multiply(BigDecimal.valueOf(HOURS_PER_MONTH));

  private final PriceBook book;
  private final BigDecimal replicaHourPrice;
  private final BigDecimal storagePrice;

  /**
   * Prices the assets from {@code book}.
   *
   * @throws dev.tdeveloper.cost.price.MissingPriceException naming the key when the book lacks an
   *     on-demand vcpu, ram or storage price in {@link DemoCost#REGION}
   */
  CostAssets(PriceBook book) {
    this.book = book;
    BigDecimal vcpu = price(ResourceType.VCPU);
    BigDecimal ram = price(ResourceType.RAM);
    this.replicaHourPrice =
        vcpu.multiply(ClusterUsage.VCPU_PER_REPLICA)
            .add(ram.multiply(ClusterUsage.RAM_GB_PER_REPLICA));
    this.storagePrice = price(ResourceType.STORAGE);
  }

  private BigDecimal price(ResourceType resource) {
    return PriceBooks.lookup(book, PriceKey.of(DemoCost.REGION, resource, PricingModel.ON_DEMAND))
        .amount();
  }

  PriceBook book() {
    return book;
  }

  /** The id of {@code asset} in the hour starting at {@code hour}. */
  static String id(String asset, Instant hour) {
    return asset + "@" + hour;
  }

  /**
   * The bill of one hour.
   *
   * @param period the hour
   * @param replicaSeconds the cluster's replica-seconds in it
   * @param storageByteHours the data directory's byte-hours in it
   */
  List<Asset> bill(CostPeriod period, long replicaSeconds, long storageByteHours) {
    BigDecimal seconds = BigDecimal.valueOf(period.duration().toSeconds());
    BigDecimal replicas = BigDecimal.valueOf(replicaSeconds);
    BigDecimal byteHours = BigDecimal.valueOf(storageByteHours);
    Asset cluster =
        asset(
            id(CLUSTER, period.start()),
            CLUSTER_SERVICE,
            ResourceType.VCPU,
            period,
            replicas.multiply(replicaHourPrice).divide(SECONDS_PER_HOUR, COST_SCALE, HALF),
            replicas
                .multiply(ClusterUsage.VCPU_PER_REPLICA)
                .divide(SECONDS_PER_HOUR, QUANTITY_SCALE, HALF));
    Asset storage =
        asset(
            id(STORAGE, period.start()),
            STORAGE_SERVICE,
            ResourceType.STORAGE,
            period,
            byteHours.multiply(storagePrice).divide(BYTE_HOURS_PER_GB_MONTH, COST_SCALE, HALF),
            byteHours.divide(BYTE_HOURS_PER_GB_MONTH, QUANTITY_SCALE, HALF));
    Asset platform =
        asset(
            id(PLATFORM, period.start()),
            PLATFORM_SERVICE,
            ResourceType.VCPU,
            period,
            seconds
                .multiply(new BigDecimal(PLATFORM_MONTHLY))
                .divide(
                    SECONDS_PER_HOUR.multiply(BigDecimal.valueOf(HOURS_PER_MONTH)),
                    COST_SCALE,
                    HALF),
            seconds.multiply(PLATFORM_VCPU).divide(SECONDS_PER_HOUR, QUANTITY_SCALE, HALF));
    return List.of(cluster, storage, platform);
  }

  private Asset asset(
      String id,
      String service,
      ResourceType resource,
      CostPeriod period,
      BigDecimal cost,
      BigDecimal capacity) {
    Money money = Money.of(cost, book.currency());
    return new Asset(
        id,
        service,
        DemoCost.REGION,
        resource,
        PricingModel.ON_DEMAND,
        period,
        money,
        money,
        money,
        capacity,
        Map.of("demo-asset", id.substring(0, id.indexOf('@'))));
  }
}
