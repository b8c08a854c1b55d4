package dev.tdeveloper.cost.report;

import dev.tdeveloper.cost.CostException;
import dev.tdeveloper.cost.allocation.Allocation;
import dev.tdeveloper.cost.allocation.CostLine;
import dev.tdeveloper.cost.allocation.CostLineKind;
import dev.tdeveloper.cost.money.Money;
import dev.tdeveloper.tenancy.TenantId;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** The allocations' numbers, summed once when the report is built: per day, tenant, service. */
final class Totals {
  final FinOpsSummary summary;
  final List<DayTotals> days;
  final List<TenantTotals> tenants;
  final SortedMap<String, Money> services;

  private Totals(
      FinOpsSummary summary,
      List<DayTotals> days,
      List<TenantTotals> tenants,
      SortedMap<String, Money> services) {
    this.summary = summary;
    this.days = days;
    this.tenants = tenants;
    this.services = services;
  }

  static Totals of(SortedMap<LocalDate, Allocation> allocations, Currency currency) {
    Money zero = Money.zero(currency);
    List<DayTotals> days = new ArrayList<>();
    Map<TenantId, Money[]> kinds = new TreeMap<>();
    Map<TenantId, SortedMap<LocalDate, Money>> daily = new TreeMap<>();
    SortedMap<String, Money> services = new TreeMap<>();
    Money total = zero;
    Money tenants = zero;
    Money idleShared = zero;
    Money idle = zero;
    Money unallocated = zero;
    boolean reconciled = true;
    for (Map.Entry<LocalDate, Allocation> e : allocations.entrySet()) {
      LocalDate day = e.getKey();
      Allocation a = e.getValue();
      try {
        a.reconcile();
      } catch (CostException ex) {
        reconciled = false;
      }
      Money dayTenants = zero;
      Money dayIdleShared = zero;
      for (Map.Entry<TenantId, Money> t : a.tenantTotals().entrySet()) {
        dayTenants = dayTenants.plus(t.getValue());
        daily
            .computeIfAbsent(t.getKey(), k -> new TreeMap<>())
            .merge(day, t.getValue(), Money::plus);
      }
      for (CostLine l : a.lines()) {
        if (l.tenant().isEmpty()) {
          continue;
        }
        Money[] k = kinds.computeIfAbsent(l.tenant().get(), x -> new Money[] {zero, zero, zero});
        int i = l.kind() == CostLineKind.USAGE ? 0 : l.kind() == CostLineKind.IDLE_SHARE ? 1 : 2;
        k[i] = k[i].plus(l.amount());
        if (l.kind() == CostLineKind.IDLE_SHARE) {
          dayIdleShared = dayIdleShared.plus(l.amount());
        }
      }
      a.serviceTotals().forEach((s, m) -> services.merge(s, m, Money::plus));
      days.add(
          new DayTotals(
              day,
              a.total(),
              dayTenants,
              dayIdleShared,
              a.idle(),
              a.unallocated(),
              percent(dayIdleShared.plus(a.idle()), a.total())));
      total = total.plus(a.total());
      tenants = tenants.plus(dayTenants);
      idleShared = idleShared.plus(dayIdleShared);
      idle = idle.plus(a.idle());
      unallocated = unallocated.plus(a.unallocated());
    }
    reconciled &= tenants.plus(idle).plus(unallocated).equals(total);
    List<TenantTotals> tenantRows = new ArrayList<>();
    for (Map.Entry<TenantId, Money[]> e : kinds.entrySet()) {
      Money[] k = e.getValue();
      tenantRows.add(
          new TenantTotals(
              e.getKey(),
              k[0].plus(k[1]).plus(k[2]),
              k[0],
              k[1],
              k[2],
              Collections.unmodifiableSortedMap(daily.getOrDefault(e.getKey(), new TreeMap<>()))));
    }
    FinOpsSummary summary =
        new FinOpsSummary(
            total,
            tenants,
            idleShared,
            idle,
            unallocated,
            percent(idleShared.plus(idle), total),
            reconciled,
            days.size());
    return new Totals(
        summary,
        List.copyOf(days),
        List.copyOf(tenantRows),
        Collections.unmodifiableSortedMap(services));
  }

  /** {@code part / whole x 100}, half-even to two decimals; 0.00 when the whole is 0. */
  static BigDecimal percent(Money part, Money whole) {
    if (whole.isZero()) {
      return BigDecimal.ZERO.setScale(2);
    }
    return part.amount()
        .multiply(BigDecimal.valueOf(100))
        .divide(whole.amount(), 2, RoundingMode.HALF_EVEN);
  }
}
