package dev.tdeveloper.cost.allocation;

import dev.tdeveloper.cost.money.Money;
import dev.tdeveloper.tenancy.TenantId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The result of {@link CostAllocator#allocate}: every {@link CostLine} with its explanation, and
 * the totals built from them. The lines add up to {@link #total()}, the sum of the assets'
 * effective costs, exactly; {@link #reconcile()} checks it. Immutable and thread-safe.
 */
public final class Allocation {
  private final Currency currency;
  private final Money total;
  private final List<CostLine> lines;
  private final Map<TenantId, List<CostLine>> byTenant;
  private final Map<TenantId, Money> tenantTotals;
  private final Map<String, Money> serviceTotals;
  private final Money idle;
  private final Money unallocated;

  Allocation(Currency currency, List<Asset> assets, List<CostLine> lines) {
    this.currency = currency;
    Money sum = Money.zero(currency);
    for (Asset a : assets) {
      sum = sum.plus(a.effectiveCost());
    }
    this.total = sum;
    this.lines = List.copyOf(lines);
    Map<TenantId, List<CostLine>> tenantLines = new TreeMap<>();
    Map<TenantId, Money> tenants = new TreeMap<>();
    Map<String, Money> services = new TreeMap<>();
    Money idleSum = Money.zero(currency);
    Money unallocatedSum = Money.zero(currency);
    for (CostLine l : this.lines) {
      services.merge(l.service(), l.amount(), Money::plus);
      if (l.tenant().isPresent()) {
        TenantId t = l.tenant().get();
        tenantLines.computeIfAbsent(t, k -> new ArrayList<>()).add(l);
        tenants.merge(t, l.amount(), Money::plus);
      } else if (l.kind() == CostLineKind.IDLE) {
        idleSum = idleSum.plus(l.amount());
      } else {
        unallocatedSum = unallocatedSum.plus(l.amount());
      }
    }
    tenantLines.replaceAll((t, ls) -> List.copyOf(ls));
    this.byTenant = Collections.unmodifiableMap(tenantLines);
    this.tenantTotals = Collections.unmodifiableMap(tenants);
    this.serviceTotals = Collections.unmodifiableMap(services);
    this.idle = idleSum;
    this.unallocated = unallocatedSum;
  }

  /**
   * The currency of every amount.
   *
   * @return the currency
   */
  public Currency currency() {
    return currency;
  }

  /**
   * Every line: per asset in bill order (usage lines by tenant, then idle shares or the idle line),
   * then the shared costs' lines.
   *
   * @return the lines, unmodifiable
   */
  public List<CostLine> lines() {
    return lines;
  }

  /**
   * The bill: the sum of the assets' effective costs.
   *
   * @return the total
   */
  public Money total() {
    return total;
  }

  /**
   * Each tenant's total (usage, idle shares and shared shares), sorted by tenant.
   *
   * @return the totals, unmodifiable
   */
  public Map<TenantId, Money> tenantTotals() {
    return tenantTotals;
  }

  /**
   * One tenant's total.
   *
   * @param tenant the tenant
   * @return its total; zero when it has no line
   */
  public Money tenantTotal(TenantId tenant) {
    return tenantTotals.getOrDefault(
        Objects.requireNonNull(tenant, "tenant"), Money.zero(currency));
  }

  /**
   * The cost of every service (idle and unallocated included), sorted by service.
   *
   * @return the totals, unmodifiable
   */
  public Map<String, Money> serviceTotals() {
    return serviceTotals;
  }

  /**
   * The cost kept as idle (IDLE lines).
   *
   * @return the idle cost
   */
  public Money idle() {
    return idle;
  }

  /**
   * The cost no rule assigned (UNALLOCATED lines).
   *
   * @return the unallocated cost
   */
  public Money unallocated() {
    return unallocated;
  }

  /**
   * The lines of one tenant, and only of that tenant: what it is charged and why.
   *
   * @param tenant the tenant
   * @return its lines, in {@link #lines()} order; empty when it has none
   */
  public List<CostLine> explain(TenantId tenant) {
    return byTenant.getOrDefault(Objects.requireNonNull(tenant, "tenant"), List.of());
  }

  /**
   * Checks that the lines add up to the bill exactly (tenants + idle + unallocated == total).
   *
   * @return the total, when it reconciles
   * @throws dev.tdeveloper.cost.CostException naming both sums when it does not
   */
  public Money reconcile() {
    Money sum = Money.zero(currency);
    for (CostLine l : lines) {
      sum = sum.plus(l.amount());
    }
    Money parts = idle.plus(unallocated);
    for (Money m : tenantTotals.values()) {
      parts = parts.plus(m);
    }
    if (!sum.equals(total) || !parts.equals(total)) {
      throw new AllocationException(
          "allocation does not reconcile: lines sum to "
              + sum
              + ", tenants + idle + unallocated to "
              + parts
              + ", the bill to "
              + total);
    }
    return total;
  }

  /**
   * Each tenant's cost per service and UTC day, for budgets and anomaly detection: every tenant
   * line is split over the days of its asset's period in proportion to time, exactly.
   *
   * @return the daily costs, sorted by tenant, service and day
   */
  public List<DailyCost> dailyCosts() {
    return DailySplit.tenants(lines);
  }

  /**
   * The whole allocation's cost (idle and unallocated included) per service and UTC day under one
   * organisation scope, for platform-wide budgets.
   *
   * @param organisation the organisation's name
   * @return the daily costs, sorted by service and day
   * @throws IllegalArgumentException when the name is blank
   */
  public List<DailyCost> organisationDailyCosts(String organisation) {
    return DailySplit.organisation(CostScope.organisation(organisation), lines);
  }

  @Override
  public String toString() {
    return "Allocation[total="
        + total
        + ", lines="
        + lines.size()
        + ", tenants="
        + tenantTotals.size()
        + ", idle="
        + idle
        + ", unallocated="
        + unallocated
        + "]";
  }
}
