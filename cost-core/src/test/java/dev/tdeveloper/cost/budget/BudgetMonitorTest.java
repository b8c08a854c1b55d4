package dev.tdeveloper.cost.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tdeveloper.cost.allocation.CostScope;
import dev.tdeveloper.cost.allocation.DailyCost;
import dev.tdeveloper.cost.money.Money;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class BudgetMonitorTest {
  private static final CostScope ACME = CostScope.tenant(TenantId.of("acme"));
  private static final CostScope GLOBEX = CostScope.tenant(TenantId.of("globex"));

  private final List<BudgetAlert> alerts = new CopyOnWriteArrayList<>();

  private static Budget budget(
      String name, CostScope scope, String amount, BudgetPeriod period, BudgetNotification... ns) {
    Budget.Builder b =
        Budget.builder().name(name).scope(scope).amount(Money.of(amount, "USD")).period(period);
    for (BudgetNotification n : ns) {
      b.notification(n);
    }
    return b.build();
  }

  private BudgetMonitor monitor(ManualClock clock, Budget... budgets) {
    BudgetMonitor.Builder b = BudgetMonitor.builder().clock(clock).listener(alerts::add);
    for (Budget budget : budgets) {
      b.budget(budget);
    }
    return b.build();
  }

  private static DailyCost cost(CostScope scope, String day, String amount) {
    return cost(scope, "*", day, amount);
  }

  private static DailyCost cost(CostScope scope, String service, String day, String amount) {
    return new DailyCost(scope, service, LocalDate.parse(day), Money.of(amount, "USD"));
  }

  private static void days(BudgetMonitor m, CostScope scope, LocalDate from, int n, String each) {
    for (int i = 0; i < n; i++) {
      m.record(new DailyCost(scope, "*", from.plusDays(i), Money.of(each, "USD")));
    }
  }

  private static ManualClock clockAt(String instant) {
    return new ManualClock(Instant.parse(instant));
  }

  @Test
  void actualPercentageRaisesOnceHoweverOftenEvaluated() {
    ManualClock clock = clockAt("2026-01-10T12:00:00Z");
    BudgetMonitor m =
        monitor(
            clock,
            budget(
                "acme", ACME, "100", BudgetPeriod.MONTHLY, BudgetNotification.actualPercent("80")));
    days(m, ACME, LocalDate.of(2026, 1, 1), 9, "10.00");

    m.evaluate();
    m.evaluate();
    clock.advance(java.time.Duration.ofHours(3));
    List<BudgetStatus> status = m.evaluate();

    assertThat(alerts).hasSize(1).first().isInstanceOf(BudgetAlert.Raised.class);
    NotificationStatus n = alerts.get(0).notification();
    assertThat(n.compared()).isEqualTo(Money.of("90", "USD"));
    assertThat(n.threshold()).isEqualTo(Money.of("80", "USD"));
    assertThat(status.get(0).notifications().get(0).state()).isEqualTo(NotificationState.ALARM);
  }

  @Test
  void absoluteThresholdAlarmsOnlyAboveTheAmount() {
    ManualClock clock = clockAt("2026-01-10T12:00:00Z");
    BudgetMonitor m =
        monitor(
            clock,
            budget(
                "acme",
                ACME,
                "1000",
                BudgetPeriod.MONTHLY,
                BudgetNotification.actualAbsolute("50.00")));
    days(m, ACME, LocalDate.of(2026, 1, 1), 5, "10.00");
    m.evaluate();
    assertThat(alerts).isEmpty();

    m.record(cost(ACME, "2026-01-05", "10.01"));
    m.evaluate();
    assertThat(alerts).singleElement().isInstanceOf(BudgetAlert.Raised.class);
  }

  @Test
  void aRestatedDayReplacesTheOldAmountAndClearsTheAlarm() {
    ManualClock clock = clockAt("2026-01-10T12:00:00Z");
    BudgetMonitor m =
        monitor(
            clock,
            budget(
                "acme", ACME, "100", BudgetPeriod.MONTHLY, BudgetNotification.actualPercent("80")));
    days(m, ACME, LocalDate.of(2026, 1, 1), 9, "10.00");
    m.evaluate();
    m.record(cost(ACME, "2026-01-09", "0.00"));
    m.evaluate();
    m.evaluate();

    assertThat(alerts).hasSize(2);
    assertThat(alerts.get(0)).isInstanceOf(BudgetAlert.Raised.class);
    assertThat(alerts.get(1)).isInstanceOf(BudgetAlert.Cleared.class);
    assertThat(alerts.get(1).status().actual()).isEqualTo(Money.of("80.00", "USD"));
  }

  @Test
  void forecastedNotificationAlarmsBeforeTheActualOne() {
    ManualClock clock = clockAt("2026-01-11T08:00:00Z");
    BudgetMonitor m =
        monitor(
            clock,
            budget(
                "acme",
                ACME,
                "100",
                BudgetPeriod.MONTHLY,
                BudgetNotification.actualPercent("100"),
                BudgetNotification.forecastedPercent("100")));
    days(m, ACME, LocalDate.of(2026, 1, 1), 10, "5.00");

    BudgetStatus s = m.evaluate().get(0);

    assertThat(s.actual()).isEqualTo(Money.of("50", "USD"));
    CostForecast.Available f = (CostForecast.Available) s.forecast();
    assertThat(f.total()).isEqualTo(Money.of("155", "USD"));
    assertThat(alerts)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a).isInstanceOf(BudgetAlert.Raised.class);
              assertThat(a.notification().notification().type())
                  .isEqualTo(BudgetNotification.Type.FORECASTED);
            });
  }

  @Test
  void withoutAForecastTheForecastedNotificationComparesTheActualCost() {
    ManualClock clock = clockAt("2026-01-04T08:00:00Z");
    BudgetMonitor m =
        monitor(
            clock,
            budget(
                "acme",
                ACME,
                "100",
                BudgetPeriod.MONTHLY,
                BudgetNotification.forecastedPercent("100")));
    days(m, ACME, LocalDate.of(2026, 1, 1), 3, "40.00");

    BudgetStatus s = m.evaluate().get(0);

    assertThat(s.forecast()).isInstanceOf(CostForecast.Unavailable.class);
    assertThat(s.notifications().get(0).compared()).isEqualTo(Money.of("120", "USD"));
    assertThat(alerts).singleElement().isInstanceOf(BudgetAlert.Raised.class);
  }

  @Test
  void aNewMonthStartsOkSilentlyAndRaisesOnlyWhenItBreaches() {
    ManualClock clock = clockAt("2026-01-31T12:00:00Z");
    BudgetMonitor m =
        monitor(
            clock,
            budget(
                "acme", ACME, "100", BudgetPeriod.MONTHLY, BudgetNotification.actualPercent("50")));
    days(m, ACME, LocalDate.of(2026, 1, 1), 31, "10.00");
    m.evaluate();
    assertThat(alerts).hasSize(1);

    clock.setTo(Instant.parse("2026-02-01T00:00:00Z"));
    BudgetStatus feb = m.evaluate().get(0);
    assertThat(feb.window())
        .isEqualTo(BudgetPeriod.MONTHLY.windowContaining(LocalDate.of(2026, 2, 1)));
    assertThat(feb.actual()).isEqualTo(Money.zero(Money.currency("USD")));
    assertThat(alerts).hasSize(1);

    days(m, ACME, LocalDate.of(2026, 2, 1), 6, "10.00");
    m.evaluate();
    m.evaluate();
    assertThat(alerts).hasSize(2);
    assertThat(alerts.get(1)).isInstanceOf(BudgetAlert.Raised.class);
    assertThat(alerts.get(1).status().window().start()).isEqualTo(LocalDate.of(2026, 2, 1));
  }

  @Test
  void quarterRollsOverOnTheFirstOfApril() {
    ManualClock clock = clockAt("2026-03-31T23:00:00Z");
    BudgetMonitor m =
        monitor(
            clock,
            budget(
                "q", ACME, "500", BudgetPeriod.QUARTERLY, BudgetNotification.actualPercent("100")));
    days(m, ACME, LocalDate.of(2026, 1, 1), 90, "6.00");
    BudgetStatus q1 = m.evaluate().get(0);
    assertThat(q1.actual()).isEqualTo(Money.of("540", "USD"));
    assertThat(alerts).hasSize(1);

    clock.advance(java.time.Duration.ofHours(1));
    BudgetStatus q2 = m.evaluate().get(0);
    assertThat(q2.window())
        .isEqualTo(new BudgetWindow(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 7, 1)));
    assertThat(q2.actual().isZero()).isTrue();
    assertThat(alerts).hasSize(1);
  }

  @Test
  void leapYearFebruaryAndYearHaveTheirExtraDay() {
    ManualClock clock = clockAt("2024-02-29T10:00:00Z");
    BudgetMonitor m =
        monitor(
            clock,
            budget("month", ACME, "1000", BudgetPeriod.MONTHLY),
            budget("year", ACME, "10000", BudgetPeriod.ANNUALLY));
    days(m, ACME, LocalDate.of(2024, 2, 1), 28, "1.00");

    List<BudgetStatus> s = m.evaluate();

    assertThat(s.get(0).window().end()).isEqualTo(LocalDate.of(2024, 3, 1));
    CostForecast.Available month = (CostForecast.Available) s.get(0).forecast();
    assertThat(month.remainingDays()).isEqualTo(1);
    assertThat(month.total()).isEqualTo(Money.of("29", "USD"));
    assertThat(s.get(1).window().days()).isEqualTo(366);
    assertThat(((CostForecast.Available) s.get(1).forecast()).remainingDays()).isEqualTo(366 - 59);

    clock.setTo(Instant.parse("2025-01-01T00:00:00Z"));
    assertThat(m.evaluate().get(1).window().days()).isEqualTo(365);
  }

  @Test
  void oneTenantsCostsNeverCountAgainstAnothersBudget() {
    ManualClock clock = clockAt("2026-01-10T12:00:00Z");
    BudgetMonitor m =
        monitor(
            clock,
            budget(
                "acme", ACME, "100", BudgetPeriod.MONTHLY, BudgetNotification.actualPercent("80")),
            budget(
                "globex",
                GLOBEX,
                "100",
                BudgetPeriod.MONTHLY,
                BudgetNotification.actualPercent("80")));
    days(m, ACME, LocalDate.of(2026, 1, 1), 9, "1000.00");
    m.record(cost(GLOBEX, "2026-01-05", "1.00"));
    assertThat(m.record(cost(CostScope.tenant(TenantId.of("initech")), "2026-01-05", "9.99")))
        .isFalse();

    List<BudgetStatus> s = m.evaluate();

    assertThat(s.get(1).actual()).isEqualTo(Money.of("1.00", "USD"));
    assertThat(s.get(1).inAlarm()).isFalse();
    assertThat(alerts)
        .singleElement()
        .satisfies(a -> assertThat(a.budget().scope()).isEqualTo(ACME));
  }

  @Test
  void allServicesCountTheStarRowOrTheSumAndAFilterCountsOneService() {
    ManualClock clock = clockAt("2026-01-10T12:00:00Z");
    BudgetMonitor m =
        monitor(
            clock,
            budget("all", ACME, "100", BudgetPeriod.MONTHLY),
            Budget.builder()
                .name("compute")
                .scope(ACME)
                .service("compute")
                .amount(Money.of("100", "USD"))
                .period(BudgetPeriod.MONTHLY)
                .build());
    m.recordAll(
        List.of(
            cost(ACME, "compute", "2026-01-01", "10.00"),
            cost(ACME, "storage", "2026-01-01", "5.00"),
            cost(ACME, "compute", "2026-01-02", "10.00"),
            cost(ACME, "*", "2026-01-02", "20.00")));

    List<BudgetStatus> s = m.evaluate();

    assertThat(s.get(0).actual()).isEqualTo(Money.of("35", "USD"));
    assertThat(s.get(1).actual()).isEqualTo(Money.of("20", "USD"));
  }

  @Test
  void badRecordsAreRefusedWithTheirFieldsAndChangeNothing() {
    ManualClock clock = clockAt("2026-01-10T12:00:00Z");
    BudgetMonitor m = monitor(clock, budget("acme", ACME, "100", BudgetPeriod.MONTHLY));
    DailyCost euro = new DailyCost(ACME, "*", LocalDate.of(2026, 1, 2), Money.of("5", "EUR"));

    assertThatThrownBy(() -> m.recordAll(List.of(cost(ACME, "2026-01-01", "5.00"), euro)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cost of tenant acme on 2026-01-02: currency EUR; allowed: USD");
    assertThatThrownBy(() -> m.record(cost(ACME, "2024-01-01", "5.00")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("day 2024-01-01 is older than the retention");
    assertThat(m.evaluate().get(0).actual().isZero()).isTrue();
  }

  @Test
  void badMonitorConfigurationIsNamed() {
    Budget usd = budget("acme", ACME, "100", BudgetPeriod.MONTHLY);
    assertThatThrownBy(() -> BudgetMonitor.builder().budget(usd).budget(usd))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("budget name: 'acme' is taken");
    Budget eur =
        Budget.builder()
            .name("acme-eur")
            .scope(ACME)
            .amount(Money.of("1", "EUR"))
            .period(BudgetPeriod.MONTHLY)
            .build();
    assertThatThrownBy(() -> BudgetMonitor.builder().budget(usd).budget(eur))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("currency of budget 'acme-eur': EUR; allowed: USD");
    assertThatThrownBy(() -> BudgetMonitor.builder().budget(usd).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("clock: not set");
  }

  @Test
  void aThrowingListenerBreaksNeitherEvaluationNorOtherListeners() {
    ManualClock clock = clockAt("2026-01-10T12:00:00Z");
    BudgetMonitor m =
        BudgetMonitor.builder()
            .clock(clock)
            .budget(
                budget(
                    "acme",
                    ACME,
                    "10",
                    BudgetPeriod.MONTHLY,
                    BudgetNotification.actualPercent("10")))
            .listener(
                a -> {
                  throw new IllegalStateException("listener down");
                })
            .listener(alerts::add)
            .build();
    m.record(cost(ACME, "2026-01-01", "5.00"));
    assertThat(m.evaluate().get(0).inAlarm()).isTrue();
    assertThat(alerts).hasSize(1);
  }

  @Test
  void statusIsJsonForTheFinOpsReport() throws Exception {
    ManualClock clock = clockAt("2026-01-11T12:00:00Z");
    BudgetMonitor m =
        monitor(
            clock,
            budget(
                "acme",
                ACME,
                "100",
                BudgetPeriod.MONTHLY,
                BudgetNotification.forecastedPercent("100")));
    assertThat(m.status()).isEmpty();
    days(m, ACME, LocalDate.of(2026, 1, 1), 10, "5.00");
    m.evaluate();

    JsonNode json = new ObjectMapper().readTree(m.statusJson()).get(0);

    assertThat(json.get("budget").asText()).isEqualTo("acme");
    assertThat(json.at("/scope/kind").asText()).isEqualTo("TENANT");
    assertThat(json.at("/scope/id").asText()).isEqualTo("acme");
    assertThat(json.get("periodEnd").asText()).isEqualTo("2026-02-01");
    assertThat(json.get("actual").decimalValue()).isEqualByComparingTo("50.00");
    assertThat(json.at("/forecast/total").decimalValue()).isEqualByComparingTo("155.00");
    assertThat(json.at("/forecast/interval95/lower").isNumber()).isTrue();
    assertThat(json.at("/notifications/0/state").asText()).isEqualTo("ALARM");
    assertThat(json.at("/notifications/0/thresholdAmount").decimalValue())
        .isEqualByComparingTo("100");
  }

  @Test
  void concurrentRestatementsNeverYieldTwoRaisesInARow() throws Exception {
    ManualClock clock = clockAt("2026-01-10T12:00:00Z");
    BudgetMonitor m =
        monitor(
            clock,
            budget(
                "acme", ACME, "100", BudgetPeriod.MONTHLY, BudgetNotification.actualPercent("50")));
    days(m, ACME, LocalDate.of(2026, 1, 1), 5, "10.00");
    Thread[] threads = new Thread[4];
    for (int t = 0; t < threads.length; t++) {
      int id = t;
      threads[t] =
          new Thread(
              () -> {
                for (int i = 0; i < 500; i++) {
                  m.record(cost(ACME, "2026-01-06", (i + id) % 2 == 0 ? "0.00" : "20.00"));
                  m.evaluate();
                }
              });
      threads[t].start();
    }
    for (Thread t : threads) {
      t.join();
    }
    m.record(cost(ACME, "2026-01-06", "0.00"));
    m.evaluate();

    assertThat(m.status().get(0).actual()).isEqualTo(Money.of("50", "USD"));
    for (int i = 0; i < alerts.size(); i++) {
      Class<?> expected = i % 2 == 0 ? BudgetAlert.Raised.class : BudgetAlert.Cleared.class;
      assertThat(alerts.get(i)).isInstanceOf(expected);
    }
    assertThat(alerts.size() % 2).isZero();
  }
}
