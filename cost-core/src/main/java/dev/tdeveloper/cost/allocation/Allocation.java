package dev.tdeveloper.cost.allocation;

import dev.tdeveloper.cost.money.Money;
import dev.tdeveloper.tenancy.TenantId;
import java.math.BigDecimal;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.TreeMap;

/**
 * The result of {@link CostAllocator#allocate}: every {@link CostLine} with its explanation, and
 * the totals built from them. The lines add up to {@link #total()}, the sum of the assets'
 * effective costs, exactly; {@link #reconcile()} checks it. Immutable and thread-safe.
 *
 * <p>The allocation keeps each line's numbers; a line's share and sentence are computed when it is
 * read ({@link #lines()}, {@link #explain}), always the same. A month of 10,000 tenants (some
 * 600,000 lines) thus costs its numbers in memory, not its prose: read the lines you show.
 */
public final class Allocation {
  private final Currency currency;
  private final Money total;
  private final PartTable parts;
  private final List<CostLine> lines;
  private final int[] tenantOffsets; // the lines of tenant number n in the part table are ...
  private final int[] tenantLines; // ... tenantLines[tenantOffsets[n] .. tenantOffsets[n + 1] - 1]
  private final Map<TenantId, Money> tenantTotals;
  private final Map<String, Money> serviceTotals;
  private final Money idle;
  private final Money unallocated;

  Allocation(Currency currency, List<Asset> assets, PartTable parts) {
    this.currency = currency;
    BigDecimal sum = Money.zero(currency).amount();
    for (Asset a : assets) {
      sum = sum.add(a.effectiveCost().amount());
    }
    this.total = new Money(sum, currency);
    this.parts = parts;
    this.lines = new Lines();
    TenantIndex tenants = parts.tenants();
    Map<String, ExactSum> services = parts.services();
    ExactSum idleSum = parts.idle();
    ExactSum unallocatedSum = parts.unallocated();
    int[][] byTenant = parts.partsByTenant();
    Map<TenantId, Money> tenantSums = new TreeMap<>();
    for (int n = 0; n < tenants.size(); n++) {
      tenantSums.put(tenants.tenant(n), new Money(parts.tenantSum(n).value(), currency));
    }
    Map<String, Money> serviceSums = new TreeMap<>();
    services.forEach((s, v) -> serviceSums.put(s, new Money(v.value(), currency)));
    this.tenantOffsets = byTenant[0];
    this.tenantLines = byTenant[1];
    this.tenantTotals = Collections.unmodifiableMap(tenantSums);
    this.serviceTotals = Collections.unmodifiableMap(serviceSums);
    Money zero = Money.zero(currency);
    this.idle = zero.plus(new Money(idleSum.value(), currency));
    this.unallocated = zero.plus(new Money(unallocatedSum.value(), currency));
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
    int n = parts.tenants().get(Objects.requireNonNull(tenant, "tenant"));
    if (n < 0) {
      return List.of();
    }
    List<CostLine> out = new ArrayList<>(tenantOffsets[n + 1] - tenantOffsets[n]);
    for (int k = tenantOffsets[n]; k < tenantOffsets[n + 1]; k++) {
      out.add(parts.part(tenantLines[k]).toLine(currency));
    }
    return Collections.unmodifiableList(out);
  }

  /**
   * Checks that the lines add up to the bill exactly (tenants + idle + unallocated == total).
   *
   * @return the total, when it reconciles
   * @throws dev.tdeveloper.cost.CostException naming both sums when it does not
   */
  public Money reconcile() {
    ExactSum amounts = new ExactSum();
    for (int i = 0; i < parts.size(); i++) {
      parts.addAmountTo(i, amounts);
    }
    Money sum = Money.zero(currency).plus(new Money(amounts.value(), currency));
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
        + parts.size()
        + ", tenants="
        + tenantTotals.size()
        + ", idle="
        + idle
        + ", unallocated="
        + unallocated
        + "]";
  }

  /** The lines, each rendered from its part when read. */
  private final class Lines extends AbstractList<CostLine> implements RandomAccess {
    @Override
    public CostLine get(int index) {
      return parts.part(Objects.checkIndex(index, parts.size())).toLine(currency);
    }

    @Override
    public int size() {
      return parts.size();
    }
  }
}
