package dev.tdeveloper.demo;

import dev.tdeveloper.cost.allocation.CostScope;
import dev.tdeveloper.cost.allocation.DailyCost;
import dev.tdeveloper.cost.anomaly.AnomalyEvent;
import dev.tdeveloper.cost.anomaly.CostAnomaly;
import dev.tdeveloper.cost.anomaly.CostAnomalyDetector;
import dev.tdeveloper.cost.budget.Budget;
import dev.tdeveloper.cost.budget.BudgetAlert;
import dev.tdeveloper.cost.budget.BudgetMonitor;
import dev.tdeveloper.cost.budget.BudgetNotification;
import dev.tdeveloper.cost.budget.BudgetPeriod;
import dev.tdeveloper.cost.budget.BudgetStatus;
import dev.tdeveloper.cost.money.Money;
import dev.tdeveloper.tenancy.Tenant;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.event.EventListener;
import java.math.BigDecimal;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The demo's cost alarms: a monthly {@link Budget} per tenant from its plan ({@link #BUDGETS}:
 * notifications at ACTUAL 80% and 100% and FORECASTED 100%, UTC calendar months like the daily
 * costs), each in its own {@link BudgetMonitor} so a tenant added or moved to another plan gets a
 * fresh budget without resetting anyone else's alarm state; and one {@link CostAnomalyDetector}
 * over every tenant's complete days, per service and in total ({@code "*"}). Budget alerts go to
 * one audit listener, anomalies opened and closed to another, as {@link CostAlertEvent}s. Tenants
 * on a plan without a budget are listed as such. Thread-safe: every method is synchronized.
 */
final class CostWatch {
  /** The monthly budget per plan, in the price book's currency. */
  static final Map<String, String> BUDGETS = Map.of("free", "5", "pro", "50", "enterprise", "500");

  private final InstantSource clock;
  private final Currency currency;
  private final EventListener<Object> budgetAudit;
  private final CostAnomalyDetector anomalies;
  private final Map<TenantId, Watched> monitors = new TreeMap<>();
  private final Map<TenantId, String> unbudgeted = new TreeMap<>();

  private record Watched(String plan, BudgetMonitor monitor) {}

  CostWatch(
      InstantSource clock,
      Currency currency,
      EventListener<Object> budgetAudit,
      EventListener<Object> anomalyAudit) {
    this.clock = clock;
    this.currency = currency;
    this.budgetAudit = budgetAudit;
    this.anomalies =
        CostAnomalyDetector.builder()
            .clock(clock)
            .listener((AnomalyEvent e) -> CostAlertEvent.of(e).ifPresent(anomalyAudit::onEvent))
            .build();
  }

  /**
   * Gives every tenant of {@code tenants} a monitor for its plan's budget (a new one, fed {@code
   * history}, when the tenant is new or changed plan) and drops those of tenants no longer listed.
   */
  synchronized void sync(Collection<Tenant> tenants, List<DailyCost> history) {
    Map<TenantId, String> plans = new HashMap<>();
    tenants.forEach(t -> plans.put(t.id(), t.plan()));
    monitors.keySet().retainAll(plans.keySet());
    unbudgeted.clear();
    plans.forEach(
        (tenant, plan) -> {
          Watched w = monitors.get(tenant);
          if (w != null && w.plan().equals(plan)) {
            return;
          }
          Optional<BudgetMonitor> monitor = monitor(tenant, plan);
          if (monitor.isEmpty()) {
            monitors.remove(tenant);
            unbudgeted.put(tenant, plan);
            return;
          }
          monitor.get().recordAll(ofTenant(history, tenant));
          monitors.put(tenant, new Watched(plan, monitor.get()));
        });
  }

  private Optional<BudgetMonitor> monitor(TenantId tenant, String plan) {
    String amount = BUDGETS.get(plan);
    if (amount == null) {
      return Optional.empty();
    }
    Budget budget =
        Budget.builder()
            .name(tenant.value() + "-monthly")
            .scope(CostScope.tenant(tenant))
            .amount(Money.of(new BigDecimal(amount), currency))
            .period(BudgetPeriod.MONTHLY)
            .zone(ZoneOffset.UTC)
            .notification(BudgetNotification.actualPercent("80"))
            .notification(BudgetNotification.actualPercent("100"))
            .notification(BudgetNotification.forecastedPercent("100"))
            .build();
    return Optional.of(
        BudgetMonitor.builder()
            .clock(clock)
            .budget(budget)
            .listener((BudgetAlert a) -> budgetAudit.onEvent(CostAlertEvent.of(a)))
            .build());
  }

  private static List<DailyCost> ofTenant(List<DailyCost> costs, TenantId tenant) {
    CostScope scope = CostScope.tenant(tenant);
    return costs.stream().filter(c -> c.scope().equals(scope)).toList();
  }

  /** Records (replacing) the daily costs of every tenant with a budget, then evaluates them all. */
  synchronized List<BudgetStatus> recordAndEvaluate(List<DailyCost> costs) {
    List<BudgetStatus> statuses = new ArrayList<>();
    monitors.forEach(
        (tenant, w) -> {
          w.monitor().recordAll(ofTenant(costs, tenant));
          statuses.addAll(w.monitor().evaluate());
        });
    return statuses;
  }

  /** Observes complete days (each once, in day order) for anomalies. */
  synchronized void observeCompleteDays(List<DailyCost> costs) {
    anomalies.observe(costs);
  }

  /** Returns the statuses of the last evaluation, by tenant. */
  synchronized List<BudgetStatus> budgets() {
    List<BudgetStatus> all = new ArrayList<>();
    monitors.values().forEach(w -> all.addAll(w.monitor().status()));
    return all;
  }

  /** Returns the tenants whose plan has no budget, with the plan. */
  synchronized Map<TenantId, String> unbudgeted() {
    return Map.copyOf(unbudgeted);
  }

  /** Returns every tenant's anomalies, closed ones retained and open ones. */
  synchronized List<CostAnomaly> anomalies(Collection<TenantId> tenants) {
    List<CostAnomaly> all = new ArrayList<>();
    tenants.forEach(t -> all.addAll(anomalies.anomalies(CostScope.tenant(t))));
    return all;
  }
}
