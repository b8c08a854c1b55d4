package dev.tdeveloper.benchmarks.cost;

import dev.tdeveloper.cost.allocation.Asset;
import dev.tdeveloper.cost.money.Money;
import dev.tdeveloper.cost.price.PricingModel;
import dev.tdeveloper.cost.price.ResourceType;
import dev.tdeveloper.cost.usage.CostPeriod;
import dev.tdeveloper.cost.usage.UsageRecord;
import dev.tdeveloper.tenancy.TenantId;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A generated month of a multi-tenant Kubernetes fleet, the same for the same arguments: every day
 * the tenants are shuffled onto 128-vCPU nodes, {@value #TENANTS_PER_NODE} to a node, each node a
 * bill line of one day (USD 0.04 per vCPU-hour, 3,072 vCPU-hours); one shared platform asset
 * (control plane and monitoring, USD 2.50 per tenant for the month) is split over all of them.
 *
 * <p>Each tenant requests 0.25, 0.5, 1 or 2 vCPU and uses between 0 and 1.2 times its request every
 * hour (in millicores), so its charged usage (max(request, use)) is at most 2.4 vCPU and a node is
 * never over its capacity: the fleet's idle is real. One {@link UsageRecord} per tenant and hour,
 * in the order a meter emits them (hour by hour, all tenants in each), each with its own
 * quantities, as parsed records would be.
 *
 * @param assets the bill: nodes day by day, then the platform asset
 * @param usage the usage records, {@code tenants * days * 24}
 */
record Fleet(List<Asset> assets, List<UsageRecord> usage) {
  /** The id of the shared platform asset. */
  static final String PLATFORM = "platform";

  static final int TENANTS_PER_NODE = 50;
  private static final int NODE_VCPUS = 128;
  private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");
  private static final long[] REQUEST_MILLIS = {250, 500, 1000, 2000};

  /**
   * Generates a fleet.
   *
   * @param tenants the number of tenants, at least 1
   * @param days the number of days, at least 1
   * @param seed the random seed
   * @return the fleet
   */
  static Fleet generate(int tenants, int days, long seed) {
    Random random = new Random(seed);
    TenantId[] ids = new TenantId[tenants];
    String[] workloads = new String[tenants];
    long[] requestMillis = new long[tenants];
    for (int t = 0; t < tenants; t++) {
      ids[t] = TenantId.of(String.format("tenant-%05d", t));
      workloads[t] = ids[t].value() + "/api";
      requestMillis[t] = REQUEST_MILLIS[random.nextInt(REQUEST_MILLIS.length)];
    }
    int nodesPerDay = (tenants + TENANTS_PER_NODE - 1) / TENANTS_PER_NODE;
    List<Asset> assets = new ArrayList<>(days * nodesPerDay + 1);
    List<UsageRecord> usage = new ArrayList<>(tenants * days * 24);
    BigDecimal capacity = BigDecimal.valueOf(NODE_VCPUS * 24L);
    Money nodeCost = Money.of(capacity.multiply(new BigDecimal("0.04")), Money.currency("USD"));
    int[] order = new int[tenants];
    String[] nodeOf = new String[tenants];
    for (int day = 0; day < days; day++) {
      Instant dayStart = START.plus(Duration.ofDays(day));
      CostPeriod dayPeriod = CostPeriod.of(dayStart, dayStart.plus(Duration.ofDays(1)));
      String[] nodes = new String[nodesPerDay];
      for (int k = 0; k < nodesPerDay; k++) {
        nodes[k] = "node-d" + day + "-" + k;
        assets.add(
            Asset.of(
                nodes[k],
                "Amazon EC2",
                "eu-west-1",
                ResourceType.VCPU,
                PricingModel.ON_DEMAND,
                dayPeriod,
                nodeCost,
                capacity));
      }
      shuffle(order, random);
      for (int i = 0; i < tenants; i++) {
        nodeOf[order[i]] = nodes[i / TENANTS_PER_NODE];
      }
      for (int hour = 0; hour < 24; hour++) {
        Instant at = dayStart.plus(Duration.ofHours(hour));
        CostPeriod period = CostPeriod.of(at, at.plus(Duration.ofHours(1)));
        for (int t = 0; t < tenants; t++) {
          long used = random.nextInt((int) (requestMillis[t] * 6 / 5) + 1);
          usage.add(
              new UsageRecord(
                  ids[t],
                  workloads[t],
                  nodeOf[t],
                  ResourceType.VCPU,
                  period,
                  BigDecimal.valueOf(requestMillis[t], 3),
                  BigDecimal.valueOf(used, 3)));
        }
      }
    }
    CostPeriod month = CostPeriod.of(START, START.plus(Duration.ofDays(days)));
    assets.add(
        new Asset(
            PLATFORM,
            "Amazon EKS",
            "eu-west-1",
            ResourceType.REQUESTS,
            PricingModel.ON_DEMAND,
            month,
            Money.of(BigDecimal.valueOf(250L * tenants, 2), Money.currency("USD")),
            Money.of(BigDecimal.valueOf(250L * tenants, 2), Money.currency("USD")),
            Money.of(BigDecimal.valueOf(250L * tenants, 2), Money.currency("USD")),
            BigDecimal.ZERO,
            Map.of("team", "platform")));
    return new Fleet(List.copyOf(assets), List.copyOf(usage));
  }

  /** Fisher-Yates over {@code 0..n-1}, from the given generator. */
  private static void shuffle(int[] order, Random random) {
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    for (int i = order.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int tmp = order[i];
      order[i] = order[j];
      order[j] = tmp;
    }
  }
}
