package dev.tdeveloper.cost.allocation;

import dev.tdeveloper.cost.money.Money;
import dev.tdeveloper.cost.price.PricingModel;
import dev.tdeveloper.cost.price.ResourceType;
import dev.tdeveloper.cost.usage.CostPeriod;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One line of the bill, the cost side of allocation: a node, a volume, a load balancer, a managed
 * service, over a period. FOCUS names: {@code ResourceId}, {@code ServiceName}, {@code RegionId},
 * {@code ChargePeriodStart/End}, {@code EffectiveCost}, {@code BilledCost}, {@code ListCost},
 * {@code PricingQuantity}, {@code Tags}.
 *
 * @param id the asset's id, unique within one allocation
 * @param service the service that billed it, {@code "Amazon EC2"} for example
 * @param region the region
 * @param resource what it provides; its capacity is in this resource's unit
 * @param model how it was bought
 * @param period the charge period
 * @param effectiveCost what it cost after discounts and amortized commitments: what is allocated
 * @param billedCost what was invoiced for it in the period
 * @param listCost what it would have cost at list price
 * @param capacity how much of {@code resource} it provided over the period (vCPU-hours for a node's
 *     CPU), at least 0; usage beyond it is refused by the allocator
 * @param tags labels from the bill, sorted by key
 */
public record Asset(
    String id,
    String service,
    String region,
    ResourceType resource,
    PricingModel model,
    CostPeriod period,
    Money effectiveCost,
    Money billedCost,
    Money listCost,
    BigDecimal capacity,
    Map<String, String> tags) {
  /**
   * Validates and copies.
   *
   * @throws IllegalArgumentException naming the field when a name is blank, the capacity or a cost
   *     negative, or the costs in different currencies
   */
  public Asset {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(resource, "resource");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(effectiveCost, "effectiveCost");
    Objects.requireNonNull(billedCost, "billedCost");
    Objects.requireNonNull(listCost, "listCost");
    Objects.requireNonNull(capacity, "capacity");
    if (id.isBlank()) {
      throw new IllegalArgumentException("asset id: blank; allowed: a resource id");
    }
    if (service.isBlank()) {
      throw new IllegalArgumentException("asset " + id + ": service blank; allowed: a name");
    }
    if (region.isBlank()) {
      throw new IllegalArgumentException("asset " + id + ": region blank; allowed: a region");
    }
    if (capacity.signum() < 0) {
      throw new IllegalArgumentException(
          "asset " + id + ": capacity " + capacity + " is negative; allowed: >= 0");
    }
    for (Money m : new Money[] {effectiveCost, billedCost, listCost}) {
      if (m.isNegative()) {
        throw new IllegalArgumentException(
            "asset " + id + ": cost " + m + " is negative; allowed: >= 0 (credits: not assets)");
      }
      if (!m.currency().equals(effectiveCost.currency())) {
        throw new IllegalArgumentException(
            "asset "
                + id
                + ": costs in "
                + m.currency()
                + " and "
                + effectiveCost.currency()
                + "; allowed: one currency");
      }
    }
    tags = Collections.unmodifiableSortedMap(new TreeMap<>(Objects.requireNonNull(tags, "tags")));
  }

  /**
   * An asset whose billed and list costs equal its effective cost, without tags.
   *
   * @param id the id
   * @param service the service
   * @param region the region
   * @param resource the resource
   * @param model the pricing model
   * @param period the period
   * @param cost its cost
   * @param capacity its capacity
   * @return the asset
   */
  public static Asset of(
      String id,
      String service,
      String region,
      ResourceType resource,
      PricingModel model,
      CostPeriod period,
      Money cost,
      BigDecimal capacity) {
    return new Asset(
        id, service, region, resource, model, period, cost, cost, cost, capacity, Map.of());
  }
}
