package dev.tdeveloper.benchmarks.load.sim;

import dev.tdeveloper.cost.allocation.Allocation;
import dev.tdeveloper.cost.allocation.Asset;
import dev.tdeveloper.cost.allocation.CostAllocator;
import dev.tdeveloper.cost.allocation.IdleSharing;
import dev.tdeveloper.cost.allocation.OverCapacity;
import dev.tdeveloper.cost.allocation.SharedSplit;
import dev.tdeveloper.cost.money.Money;
import dev.tdeveloper.cost.price.PriceBook;
import dev.tdeveloper.cost.price.PriceBooks;
import dev.tdeveloper.cost.price.PriceKey;
import dev.tdeveloper.cost.price.PricingModel;
import dev.tdeveloper.cost.price.ResourceType;
import dev.tdeveloper.cost.usage.CostPeriod;
import dev.tdeveloper.cost.usage.UsageRecord;
import dev.tdeveloper.tenancy.TenantId;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Point 6's cost per tenant-month: a month ({@value #HOURS_PER_MONTH} hours) of the fleet the
 * autoscaler holds at the run's measured rate, each instance priced as its vCPUs and {@value
 * #RAM_GB_PER_INSTANCE} GB of RAM on demand from the demo's price book (its region {@value
 * #REGION}), plus the demo's shared platform ({@value #PLATFORM_MONTHLY} a month, as the demo's own
 * bill has it), allocated by cost-core's {@link CostAllocator} as the demo allocates: each tenant
 * is charged the vCPU-hours its measured requests take (its requests per second, whatever their
 * outcome, times the measured CPU time per request), the fleet's idle capacity and the platform are
 * split in proportion to that. Stateless.
 */
public final class TenantCost {
  /** The plan's target: {@value} per tenant-month, in the price book's currency. */
  public static final String TARGET = "100";

  /** The demo's price book region. */
  static final String REGION = "local-1";

  /** Hours in a month, as cloud providers count: {@value}. */
  static final int HOURS_PER_MONTH = 730;

  /** RAM of one instance: the demo's 1 GiB heap, the JVM's own memory and the OS, {@value} GB. */
  static final int RAM_GB_PER_INSTANCE = 2;

  /** The demo's shared platform (audit log, monitoring) per month, as in its bill. */
  static final String PLATFORM_MONTHLY = "36.50";

  private static final String PLATFORM_SERVICE = "Demo Platform";
  private static final Instant MONTH_START = Instant.parse("2026-01-01T00:00:00Z");

  private TenantCost() {}

  /**
   * The cost of one plan's tenants.
   *
   * @param plan the plan
   * @param tenants how many tenants it has
   * @param meanPerTenant their mean cost per tenant-month
   * @param maxPerTenant the highest
   * @param underTarget how many cost less than {@link #TARGET}
   */
  public record PlanCost(
      String plan,
      int tenants,
      BigDecimal meanPerTenant,
      BigDecimal maxPerTenant,
      int underTarget) {}

  /**
   * The month's cost.
   *
   * @param currency the price book's currency
   * @param instances the fleet's average instances
   * @param pricePerInstanceHour one instance's price per hour
   * @param priceInputs the prices used and where from
   * @param total the month's bill
   * @param perTenant the bill over the tenants
   * @param plans by plan, in the order plans first appear
   */
  public record Result(
      String currency,
      double instances,
      BigDecimal pricePerInstanceHour,
      String priceInputs,
      BigDecimal total,
      BigDecimal perTenant,
      List<PlanCost> plans) {
    /** Copies. */
    public Result {
      Objects.requireNonNull(total, "total");
      plans = List.copyOf(plans);
    }
  }

  /** Allocates with the demo's bundled price book. */
  public static Result allocate(SimInputs in, double instances) {
    return allocate(in, instances, DemoConfigs.prices());
  }

  /**
   * Allocates a month of {@code instances} instances over the tenants of {@code in}.
   *
   * @param in the run's measurements
   * @param instances the fleet's average instances, above 0
   * @param book prices with on-demand vCPU and RAM in {@value #REGION}
   * @return the cost per tenant-month, by plan
   */
  public static Result allocate(SimInputs in, double instances, PriceBook book) {
    if (!Double.isFinite(instances) || instances <= 0) {
      throw new IllegalArgumentException("instances: " + instances + "; allowed: finite, > 0");
    }
    BigDecimal vcpu = price(book, ResourceType.VCPU);
    BigDecimal ram = price(book, ResourceType.RAM);
    BigDecimal hourly =
        vcpu.multiply(BigDecimal.valueOf(in.cores()))
            .add(ram.multiply(BigDecimal.valueOf(RAM_GB_PER_INSTANCE)));
    BigDecimal hours = BigDecimal.valueOf(HOURS_PER_MONTH);
    BigDecimal fleet = BigDecimal.valueOf(instances);
    CostPeriod month =
        CostPeriod.of(MONTH_START, MONTH_START.plus(Duration.ofHours(HOURS_PER_MONTH)));
    Asset compute =
        Asset.of(
            "fleet",
            "Demo Compute",
            REGION,
            ResourceType.VCPU,
            PricingModel.ON_DEMAND,
            month,
            Money.of(
                fleet.multiply(hourly).multiply(hours).setScale(6, RoundingMode.HALF_EVEN),
                book.currency()),
            fleet.multiply(BigDecimal.valueOf(in.cores())).multiply(hours));
    Asset platform =
        Asset.of(
            "platform",
            PLATFORM_SERVICE,
            REGION,
            ResourceType.VCPU,
            PricingModel.ON_DEMAND,
            month,
            Money.of(new BigDecimal(PLATFORM_MONTHLY), book.currency()),
            new BigDecimal("0.5").multiply(hours));
    BigDecimal cpuHoursPerRequestPerSecond =
        BigDecimal.valueOf(in.cpuMicrosPerRequest() / 1e6).multiply(hours);
    List<UsageRecord> usage = new ArrayList<>();
    for (SimInputs.TenantLoad t : in.tenants()) {
      usage.add(
          new UsageRecord(
              TenantId.of(t.id()),
              "notes-api",
              "fleet",
              ResourceType.VCPU,
              month,
              BigDecimal.ZERO,
              BigDecimal.valueOf(t.requestsPerSecond())
                  .multiply(cpuHoursPerRequestPerSecond)
                  .round(MathContext.DECIMAL64)));
    }
    Allocation allocation =
        CostAllocator.builder()
            .idleSharing(IdleSharing.PROPORTIONAL)
            .sharedWhen(a -> a.service().equals(PLATFORM_SERVICE))
            .sharedSplit(SharedSplit.PROPORTIONAL)
            .overCapacity(OverCapacity.SCALE_TO_CAPACITY)
            .build()
            .allocate(List.of(compute, platform), usage);
    allocation.reconcile();
    BigDecimal target = new BigDecimal(TARGET);
    Map<String, List<BigDecimal>> byPlan = new LinkedHashMap<>();
    for (SimInputs.TenantLoad t : in.tenants()) {
      byPlan
          .computeIfAbsent(t.plan(), p -> new ArrayList<>())
          .add(allocation.tenantTotal(TenantId.of(t.id())).amount());
    }
    List<PlanCost> plans = new ArrayList<>();
    byPlan.forEach(
        (plan, costs) -> {
          BigDecimal sum = costs.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
          plans.add(
              new PlanCost(
                  plan,
                  costs.size(),
                  sum.divide(BigDecimal.valueOf(costs.size()), 2, RoundingMode.HALF_EVEN),
                  costs.stream()
                      .reduce(BigDecimal::max)
                      .orElseThrow()
                      .setScale(2, RoundingMode.HALF_EVEN),
                  (int) costs.stream().filter(c -> c.compareTo(target) < 0).count()));
        });
    BigDecimal total = allocation.total().amount();
    return new Result(
        book.currency().getCurrencyCode(),
        instances,
        hourly,
        String.format(
            java.util.Locale.ROOT,
            "%s on demand in %s (the demo's price-book.yaml): vCPU-hour %s, GB-hour of RAM %s;"
                + " an instance = %d vCPU (this machine's) + %d GB RAM; platform %s a month"
                + " (the demo's bill); %d hours a month",
            book.currency().getCurrencyCode(),
            REGION,
            vcpu.toPlainString(),
            ram.toPlainString(),
            in.cores(),
            RAM_GB_PER_INSTANCE,
            PLATFORM_MONTHLY,
            HOURS_PER_MONTH),
        total.setScale(2, RoundingMode.HALF_EVEN),
        total.divide(BigDecimal.valueOf(in.tenants().size()), 2, RoundingMode.HALF_EVEN),
        plans);
  }

  private static BigDecimal price(PriceBook book, ResourceType resource) {
    return PriceBooks.lookup(book, PriceKey.of(REGION, resource, PricingModel.ON_DEMAND)).amount();
  }
}
