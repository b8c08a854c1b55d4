package dev.tdeveloper.cost.unit;

import dev.tdeveloper.cost.allocation.CostScope;
import dev.tdeveloper.cost.allocation.DailyCost;
import dev.tdeveloper.cost.money.Money;
import dev.tdeveloper.tenancy.TenantId;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Cost per tenant per month against a target and, when revenue is known, the margin. A tenant's
 * figures depend on its own cost and revenue and the target only. Immutable and thread-safe.
 */
public final class UnitEconomics {
  /** The default target per tenant-month: USD {@value}, the plan's figure. */
  public static final String DEFAULT_TARGET_USD = "100";

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private final Money target;

  private UnitEconomics(Money target) {
    this.target = target;
  }

  /**
   * Unit economics with the default target of USD {@value #DEFAULT_TARGET_USD} per tenant-month.
   *
   * @return the evaluator
   */
  public static UnitEconomics withDefaultTarget() {
    return withTarget(Money.of(DEFAULT_TARGET_USD, "USD"));
  }

  /**
   * Unit economics with a target; every cost and revenue must be in its currency.
   *
   * @param target the cost per tenant-month aimed for, at least 0
   * @return the evaluator
   * @throws IllegalArgumentException naming the value when the target is negative
   */
  public static UnitEconomics withTarget(Money target) {
    Objects.requireNonNull(target, "target");
    if (target.isNegative()) {
      throw new IllegalArgumentException("target: " + target + " is negative; allowed: >= 0");
    }
    return new UnitEconomics(target);
  }

  /**
   * The target per tenant-month.
   *
   * @return the target
   */
  public Money target() {
    return target;
  }

  /**
   * A month's costs, without revenue.
   *
   * @param month the month
   * @param costs each tenant's cost for the month; at least one tenant
   * @return the report
   * @throws IllegalArgumentException naming the tenant when a cost is negative or in another
   *     currency, or when no tenant is given
   */
  public UnitEconomicsReport evaluate(YearMonth month, Map<TenantId, Money> costs) {
    return evaluate(month, costs, Map.of());
  }

  /**
   * A month's costs and revenues. A tenant with revenue but no cost entry is taken to have cost
   * nothing.
   *
   * @param month the month
   * @param costs each tenant's cost for the month
   * @param revenue the revenue of the tenants for which it is known
   * @return the report
   * @throws IllegalArgumentException naming the tenant when a cost or revenue is negative or in
   *     another currency, or when no tenant is given
   */
  public UnitEconomicsReport evaluate(
      YearMonth month, Map<TenantId, Money> costs, Map<TenantId, Money> revenue) {
    Objects.requireNonNull(month, "month");
    Objects.requireNonNull(costs, "costs");
    Objects.requireNonNull(revenue, "revenue");
    Map<TenantId, Money> all = new TreeMap<>();
    costs.forEach((t, c) -> all.put(t, checked("cost", t, c)));
    revenue.forEach(
        (t, r) -> {
          checked("revenue", t, r);
          all.putIfAbsent(t, zero());
        });
    if (all.isEmpty()) {
      throw new IllegalArgumentException(
          "costs of " + month + ": no tenant; allowed: at least one tenant's cost");
    }
    List<TenantEconomics> tenants = new ArrayList<>();
    all.forEach((t, c) -> tenants.add(tenant(month, t, c, Optional.ofNullable(revenue.get(t)))));
    return new UnitEconomicsReport(month, tenants, summary(month, tenants));
  }

  /**
   * Sums daily tenant costs per tenant per month (UTC). Organisation scopes are skipped. For each
   * tenant and day, an all-services row ({@code "*"}) is used when present, else the sum of the
   * per-service rows, so the two kinds are never added together.
   *
   * @param daily daily costs
   * @return month to tenant to cost
   */
  public static Map<YearMonth, Map<TenantId, Money>> monthlyCosts(Collection<DailyCost> daily) {
    Map<TenantId, Map<LocalDate, Money>> allServices = new HashMap<>();
    Map<TenantId, Map<LocalDate, Money>> perService = new HashMap<>();
    for (DailyCost d : daily) {
      if (d.scope().kind() != CostScope.Kind.TENANT) {
        continue;
      }
      TenantId t = TenantId.of(d.scope().id());
      (d.service().equals("*") ? allServices : perService)
          .computeIfAbsent(t, k -> new HashMap<>())
          .merge(d.day(), d.cost(), Money::plus);
    }
    Map<YearMonth, Map<TenantId, Money>> out = new TreeMap<>();
    perService.forEach(
        (t, days) ->
            days.forEach(
                (day, cost) -> {
                  if (!allServices.getOrDefault(t, Map.of()).containsKey(day)) {
                    add(out, t, day, cost);
                  }
                }));
    allServices.forEach((t, days) -> days.forEach((day, cost) -> add(out, t, day, cost)));
    return out;
  }

  private static void add(
      Map<YearMonth, Map<TenantId, Money>> out, TenantId t, LocalDate day, Money cost) {
    out.computeIfAbsent(YearMonth.from(day), m -> new TreeMap<>()).merge(t, cost, Money::plus);
  }

  private TenantEconomics tenant(YearMonth month, TenantId t, Money cost, Optional<Money> revenue) {
    UnitStatus status =
        cost.compareTo(target) > 0 ? UnitStatus.OVER_TARGET : UnitStatus.WITHIN_TARGET;
    Optional<Money> margin = revenue.map(r -> r.minus(cost));
    Optional<BigDecimal> percent =
        revenue
            .filter(r -> !r.isZero())
            .map(
                r ->
                    r.minus(cost)
                        .amount()
                        .multiply(HUNDRED)
                        .divide(r.amount(), 2, RoundingMode.HALF_EVEN));
    return new TenantEconomics(t, month, cost, target, status, revenue, margin, percent);
  }

  private PortfolioSummary summary(YearMonth month, List<TenantEconomics> tenants) {
    List<Money> sorted = tenants.stream().map(TenantEconomics::cost).sorted().toList();
    int n = sorted.size();
    Money median =
        n % 2 == 1
            ? sorted.get(n / 2)
            : sorted.get(n / 2 - 1).plus(sorted.get(n / 2)).times(new BigDecimal("0.5"));
    int p90Rank = Math.max(1, (9 * n + 9) / 10); // nearest rank: ceil(0.9 x n)
    Money total = sorted.stream().reduce(zero(), Money::plus);
    Optional<Money> revenue =
        tenants.stream().flatMap(e -> e.revenue().stream()).reduce(Money::plus);
    Optional<Money> margin = tenants.stream().flatMap(e -> e.margin().stream()).reduce(Money::plus);
    List<TenantId> over =
        tenants.stream()
            .filter(e -> e.status() == UnitStatus.OVER_TARGET)
            .map(TenantEconomics::tenant)
            .toList();
    return new PortfolioSummary(
        month, n, over, total, median, sorted.get(p90Rank - 1), revenue, margin);
  }

  private Money checked(String field, TenantId t, Money m) {
    Objects.requireNonNull(t, "tenant");
    Objects.requireNonNull(m, field + " of tenant " + t.value());
    if (!m.currency().equals(target.currency())) {
      throw new IllegalArgumentException(
          field
              + " of tenant "
              + t.value()
              + ": "
              + m
              + " is not in the target's currency; allowed: "
              + target.currency().getCurrencyCode());
    }
    if (m.isNegative()) {
      throw new IllegalArgumentException(
          field + " of tenant " + t.value() + ": " + m + " is negative; allowed: >= 0");
    }
    return m;
  }

  private Money zero() {
    return Money.zero(target.currency());
  }
}
