package dev.tdeveloper.observability.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.cost.allocation.CostScope;
import dev.tdeveloper.cost.budget.Budget;
import dev.tdeveloper.cost.budget.BudgetAlert;
import dev.tdeveloper.cost.budget.BudgetNotification;
import dev.tdeveloper.cost.budget.BudgetPeriod;
import dev.tdeveloper.cost.budget.BudgetStatus;
import dev.tdeveloper.cost.budget.BudgetWindow;
import dev.tdeveloper.cost.budget.CostForecast;
import dev.tdeveloper.cost.budget.NotificationState;
import dev.tdeveloper.cost.budget.NotificationStatus;
import dev.tdeveloper.cost.money.Money;
import dev.tdeveloper.observability.metrics.TenantCardinalityGuard;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The budget listener: raised and cleared alerts per budget, tagged with the budget's tenant. */
class BudgetListenerTest {
  private static final Instant NOW = Instant.parse("2025-03-06T00:00:00Z");
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final TdeveloperMetrics metrics =
      TdeveloperMetrics.builder(registry)
          .tenantGuard(
              TenantCardinalityGuard.builder().topTenants(5).clock(new ManualClock(NOW)).build())
          .build();

  private static BudgetStatus status(CostScope scope, String name, NotificationState state) {
    Money amount = Money.of("500.00", "USD");
    Budget budget =
        Budget.builder()
            .name(name)
            .scope(scope)
            .amount(amount)
            .period(BudgetPeriod.MONTHLY)
            .notification(BudgetNotification.actualPercent("80"))
            .build();
    Money actual = Money.of("450.00", "USD");
    BudgetNotification n = budget.notifications().get(0);
    return new BudgetStatus(
        NOW,
        budget,
        new BudgetWindow(LocalDate.of(2025, 3, 1), LocalDate.of(2025, 4, 1)),
        actual,
        new CostForecast.Unavailable(actual, "too few days"),
        List.of(new NotificationStatus(n, n.thresholdAmount(amount), actual, state)));
  }

  private double count(String... tags) {
    return registry.get("tdeveloper.cost.budget.alerts").tags(tags).counter().count();
  }

  @Test
  void raisedAndClearedAlertsAreCountedUnderTheBudgetsTenant() {
    BudgetStatus alarm =
        status(CostScope.tenant(TenantId.of("acme")), "acme-monthly", NotificationState.ALARM);
    BudgetStatus ok =
        status(CostScope.tenant(TenantId.of("acme")), "acme-monthly", NotificationState.OK);
    var listener = metrics.budgetListener();
    listener.onEvent(new BudgetAlert.Raised(alarm, alarm.notifications().get(0)));
    listener.onEvent(new BudgetAlert.Raised(alarm, alarm.notifications().get(0)));
    listener.onEvent(new BudgetAlert.Cleared(ok, ok.notifications().get(0)));
    assertThat(count("budget", "acme-monthly", "state", "raised", "tenant", "acme")).isEqualTo(2);
    assertThat(count("budget", "acme-monthly", "state", "cleared", "tenant", "acme")).isEqualTo(1);
  }

  @Test
  void anOrganisationsBudgetCarriesNoTenant() {
    BudgetStatus alarm =
        status(CostScope.organisation("platform"), "platform-monthly", NotificationState.ALARM);
    metrics.budgetListener().onEvent(new BudgetAlert.Raised(alarm, alarm.notifications().get(0)));
    assertThat(count("budget", "platform-monthly", "state", "raised", "tenant", "_none"))
        .isEqualTo(1);
  }

  @Test
  void eventsThatAreNotBudgetAlertsAreIgnored() {
    metrics.budgetListener().onEvent("not a budget alert");
    assertThat(registry.getMeters()).isEmpty();
  }
}
