package dev.tdeveloper.cost.budget;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.tdeveloper.cost.allocation.CostScope;
import dev.tdeveloper.cost.allocation.DailyCost;
import dev.tdeveloper.cost.money.Money;
import dev.tdeveloper.tenancy.event.EventListener;
import dev.tdeveloper.tenancy.internal.Listeners;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Watches budgets: it is fed {@link DailyCost}s and, on {@link #evaluate()}, computes each budget's
 * cost so far in its current period, the period-end forecast and every notification's state,
 * publishing a {@link BudgetAlert} on each OK/ALARM transition and never twice for the same state.
 * A new period starts with every notification OK; it raises only if the new period breaches.
 *
 * <p>Costs are kept per scope, service and day; recording the same scope, service and day again
 * replaces the earlier amount (a restated day never counts twice). Only scopes that have a budget
 * are kept, so one tenant's costs never count against another tenant's budget. A budget without a
 * service filter counts a day's {@code "*"} (all services) cost when one was recorded, else the sum
 * of the day's per-service costs; with a filter it counts that service only. Costs older than a
 * year and a month (or the forecaster's look-back, if longer) are dropped.
 *
 * <p>Thread-safe: recording and evaluating may run concurrently; evaluations are serialized, and
 * listeners are called on the evaluating thread in transition order.
 */
public final class BudgetMonitor {
  private final InstantSource clock;
  private final List<Budget> budgets;
  private final Map<CostScope, Currency> currencies;
  private final CostForecaster forecaster;
  private final Listeners<BudgetAlert> listeners;
  private final int retentionDays;

  private final Object dataLock = new Object();
  private final Map<CostScope, TreeMap<LocalDate, Map<String, Money>>> costs = new HashMap<>();

  private final ReentrantLock evaluation = new ReentrantLock();
  private final Map<String, Alarms> alarms = new HashMap<>();
  private volatile List<BudgetStatus> status = List.of();

  private record Alarms(BudgetWindow window, List<NotificationState> states) {}

  private BudgetMonitor(Builder b) {
    this.clock = b.clock;
    this.budgets = List.copyOf(b.budgets.values());
    this.currencies = Map.copyOf(b.currencies);
    this.forecaster = b.forecaster == null ? CostForecaster.defaults() : b.forecaster;
    this.listeners = Listeners.of(b.listeners);
    this.retentionDays = Math.max(366, forecaster.lookbackDays()) + 31;
  }

  /**
   * A builder; the clock is required.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The budgets watched, in the order they were added.
   *
   * @return the budgets
   */
  public List<Budget> budgets() {
    return budgets;
  }

  /**
   * Records one day's cost, replacing any earlier record of the same scope, service and day.
   *
   * @param cost the cost
   * @return true when kept, false when no budget watches its scope (the cost is ignored)
   * @throws IllegalArgumentException naming the scope, day and currencies when the currency differs
   *     from the scope's budgets', or the day when it is older than the retention; nothing is kept
   */
  public boolean record(DailyCost cost) {
    return recordAll(List.of(Objects.requireNonNull(cost, "cost"))) == 1;
  }

  /**
   * Records several days' costs, all or none: each replaces any earlier record of the same scope,
   * service and day.
   *
   * @param batch the costs
   * @return how many were kept (those of scopes with a budget)
   * @throws IllegalArgumentException as {@link #record(DailyCost)}; nothing of the batch is kept
   */
  public int recordAll(List<DailyCost> batch) {
    List<DailyCost> copy = List.copyOf(batch);
    LocalDate horizon =
        LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).minusDays(retentionDays);
    List<DailyCost> kept = new ArrayList<>(copy.size());
    for (DailyCost c : copy) {
      Currency currency = currencies.get(c.scope());
      if (currency == null) {
        continue;
      }
      if (!c.cost().currency().equals(currency)) {
        throw new IllegalArgumentException(
            "cost of "
                + c.scope()
                + " on "
                + c.day()
                + ": currency "
                + c.cost().currency()
                + "; allowed: "
                + currency
                + ", the currency of the scope's budgets");
      }
      if (c.day().isBefore(horizon)) {
        throw new IllegalArgumentException(
            "cost of "
                + c.scope()
                + ": day "
                + c.day()
                + " is older than the retention of "
                + retentionDays
                + " days; allowed: "
                + horizon
                + " or later");
      }
      kept.add(c);
    }
    synchronized (dataLock) {
      for (DailyCost c : kept) {
        TreeMap<LocalDate, Map<String, Money>> days =
            costs.computeIfAbsent(c.scope(), s -> new TreeMap<>());
        days.computeIfAbsent(c.day(), d -> new HashMap<>()).put(c.service(), c.cost());
        days.headMap(horizon).clear();
      }
    }
    return kept.size();
  }

  /**
   * Evaluates every budget at the clock's current instant and publishes an alert for each
   * notification whose state changed since the last evaluation in the same period.
   *
   * @return the budgets' statuses, in the budgets' order
   */
  public List<BudgetStatus> evaluate() {
    evaluation.lock();
    try {
      Instant now = clock.instant();
      List<BudgetStatus> statuses = new ArrayList<>(budgets.size());
      List<BudgetAlert> alerts = new ArrayList<>();
      for (Budget budget : budgets) {
        BudgetStatus s = evaluate(budget, now);
        statuses.add(s);
        Alarms before = alarms.get(budget.name());
        List<NotificationState> states = new ArrayList<>();
        for (int i = 0; i < s.notifications().size(); i++) {
          NotificationStatus n = s.notifications().get(i);
          NotificationState previous =
              before != null && before.window().equals(s.window())
                  ? before.states().get(i)
                  : NotificationState.OK;
          if (n.state() != previous) {
            alerts.add(
                n.state() == NotificationState.ALARM
                    ? new BudgetAlert.Raised(s, n)
                    : new BudgetAlert.Cleared(s, n));
          }
          states.add(n.state());
        }
        alarms.put(budget.name(), new Alarms(s.window(), List.copyOf(states)));
      }
      status = List.copyOf(statuses);
      alerts.forEach(listeners::publish);
      return status;
    } finally {
      evaluation.unlock();
    }
  }

  /**
   * The statuses of the last {@link #evaluate()}, empty before the first.
   *
   * @return the statuses, in the budgets' order
   */
  public List<BudgetStatus> status() {
    return status;
  }

  /**
   * The statuses of the last {@link #evaluate()} as a JSON array of {@link BudgetStatus#toJson()}
   * objects.
   *
   * @return the JSON text
   */
  public String statusJson() {
    ArrayNode array = BudgetStatus.JSON.createArrayNode();
    status.forEach(s -> array.add(s.toJsonNode()));
    return array.toString();
  }

  private BudgetStatus evaluate(Budget budget, Instant now) {
    LocalDate today = now.atZone(budget.zone()).toLocalDate();
    BudgetWindow window = budget.period().windowContaining(today);
    LocalDate lookback = today.minusDays(forecaster.lookbackDays());
    LocalDate from = lookback.isBefore(window.start()) ? lookback : window.start();
    Currency currency = budget.amount().currency();
    CostForecast forecast =
        forecaster.forecast(series(budget, from, window.end()), currency, window, today);
    Money actual = forecast.actualToDate();
    Money projected =
        forecast instanceof CostForecast.Available a ? a.total() : forecast.actualToDate();
    List<NotificationStatus> notifications = new ArrayList<>();
    for (BudgetNotification n : budget.notifications()) {
      Money threshold = n.thresholdAmount(budget.amount());
      Money compared = n.type() == BudgetNotification.Type.ACTUAL ? actual : projected;
      notifications.add(
          new NotificationStatus(
              n, threshold, compared, BudgetNotification.stateOf(compared, threshold)));
    }
    return new BudgetStatus(now, budget, window, actual, forecast, notifications);
  }

  /** The budget's daily costs in {@code [from, to)}, one per day, per the service rule. */
  private List<DailyCost> series(Budget budget, LocalDate from, LocalDate to) {
    List<DailyCost> out = new ArrayList<>();
    synchronized (dataLock) {
      TreeMap<LocalDate, Map<String, Money>> days = costs.get(budget.scope());
      if (days == null) {
        return out;
      }
      for (Map.Entry<LocalDate, Map<String, Money>> e : days.subMap(from, to).entrySet()) {
        Map<String, Money> services = e.getValue();
        if (budget.service().isPresent()) {
          Money m = services.get(budget.service().get());
          if (m != null) {
            out.add(new DailyCost(budget.scope(), budget.service().get(), e.getKey(), m));
          }
        } else {
          Money m = services.get("*");
          if (m == null) {
            m = Money.zero(budget.amount().currency());
            for (Money v : services.values()) {
              m = m.plus(v);
            }
          }
          out.add(new DailyCost(budget.scope(), "*", e.getKey(), m));
        }
      }
    }
    return out;
  }

  /** Builds a {@link BudgetMonitor}. Not thread-safe. */
  public static final class Builder {
    private InstantSource clock;
    private CostForecaster forecaster;
    private final Map<String, Budget> budgets = new LinkedHashMap<>();
    private final Map<CostScope, Currency> currencies = new HashMap<>();
    private final List<EventListener<? super BudgetAlert>> listeners = new ArrayList<>();

    private Builder() {}

    /**
     * Sets the wall clock that decides the current day and period; required.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(InstantSource clock) {
      Objects.requireNonNull(clock, "clock");
      if (this.clock != null) {
        throw new IllegalStateException("clock: already set; allowed: set once");
      }
      this.clock = clock;
      return this;
    }

    /**
     * Sets the forecaster; {@link CostForecaster#defaults()} by default.
     *
     * @param forecaster the forecaster
     * @return this builder
     */
    public Builder forecaster(CostForecaster forecaster) {
      Objects.requireNonNull(forecaster, "forecaster");
      if (this.forecaster != null) {
        throw new IllegalStateException("forecaster: already set; allowed: set once");
      }
      this.forecaster = forecaster;
      return this;
    }

    /**
     * Adds a budget.
     *
     * @param budget the budget
     * @return this builder
     * @throws IllegalArgumentException naming the budget when its name is taken, or when its
     *     currency differs from another budget's of the same scope
     */
    public Builder budget(Budget budget) {
      Objects.requireNonNull(budget, "budget");
      if (budgets.containsKey(budget.name())) {
        throw new IllegalArgumentException(
            "budget name: '" + budget.name() + "' is taken; allowed: unique names");
      }
      Currency currency = budget.amount().currency();
      Currency other = currencies.get(budget.scope());
      if (other != null && !other.equals(currency)) {
        throw new IllegalArgumentException(
            "currency of budget '"
                + budget.name()
                + "': "
                + currency
                + "; allowed: "
                + other
                + ", as the other budgets of "
                + budget.scope());
      }
      budgets.put(budget.name(), budget);
      currencies.put(budget.scope(), currency);
      return this;
    }

    /**
     * Adds a listener for alerts.
     *
     * @param listener the listener, called on the evaluating thread
     * @return this builder
     */
    public Builder listener(EventListener<? super BudgetAlert> listener) {
      listeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /**
     * Builds the monitor.
     *
     * @return the monitor
     * @throws IllegalStateException when the clock is not set
     */
    public BudgetMonitor build() {
      if (clock == null) {
        throw new IllegalStateException("clock: not set; allowed: set it before build()");
      }
      return new BudgetMonitor(this);
    }
  }
}
