package dev.tdeveloper.cost.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.cost.allocation.CostScope;
import dev.tdeveloper.cost.money.Money;
import dev.tdeveloper.tenancy.TenantId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BudgetTest {
  private static final CostScope ACME = CostScope.tenant(TenantId.of("acme"));

  private static Budget.Builder valid() {
    return Budget.builder()
        .name("acme-monthly")
        .scope(ACME)
        .amount(Money.of("100.00", "USD"))
        .period(BudgetPeriod.MONTHLY);
  }

  @Test
  void buildsWithUtcAndAllServicesByDefault() {
    Budget b = valid().notification(BudgetNotification.actualPercent("80")).build();
    assertThat(b.zone()).isEqualTo(ZoneOffset.UTC);
    assertThat(b.service()).isEmpty();
    assertThat(b.notifications()).containsExactly(BudgetNotification.actualPercent("80"));
  }

  @Test
  void monthlyWindowsFollowTheCalendarIncludingLeapFebruary() {
    BudgetWindow feb2024 = BudgetPeriod.MONTHLY.windowContaining(LocalDate.of(2024, 2, 29));
    assertThat(feb2024)
        .isEqualTo(new BudgetWindow(LocalDate.of(2024, 2, 1), LocalDate.of(2024, 3, 1)));
    assertThat(feb2024.days()).isEqualTo(29);
    assertThat(BudgetPeriod.MONTHLY.windowContaining(LocalDate.of(2025, 2, 10)).days())
        .isEqualTo(28);
    assertThat(BudgetPeriod.MONTHLY.windowContaining(LocalDate.of(2025, 12, 31)).end())
        .isEqualTo(LocalDate.of(2026, 1, 1));
  }

  @Test
  void quartersStartInJanuaryAprilJulyAndOctober() {
    assertThat(BudgetPeriod.QUARTERLY.windowContaining(LocalDate.of(2024, 3, 31)))
        .isEqualTo(new BudgetWindow(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 4, 1)));
    assertThat(BudgetPeriod.QUARTERLY.windowContaining(LocalDate.of(2024, 3, 31)).days())
        .isEqualTo(91);
    assertThat(BudgetPeriod.QUARTERLY.windowContaining(LocalDate.of(2025, 5, 15)).start())
        .isEqualTo(LocalDate.of(2025, 4, 1));
    assertThat(BudgetPeriod.QUARTERLY.windowContaining(LocalDate.of(2025, 11, 30)))
        .isEqualTo(new BudgetWindow(LocalDate.of(2025, 10, 1), LocalDate.of(2026, 1, 1)));
  }

  @Test
  void yearsHave366DaysWhenLeap() {
    assertThat(BudgetPeriod.ANNUALLY.windowContaining(LocalDate.of(2024, 7, 1)).days())
        .isEqualTo(366);
    assertThat(BudgetPeriod.ANNUALLY.windowContaining(LocalDate.of(2100, 7, 1)).days())
        .isEqualTo(365);
  }

  @Test
  void theBudgetZoneDecidesTheCurrentPeriod() {
    Budget tokyo =
        Budget.builder()
            .name("tokyo")
            .scope(ACME)
            .amount(Money.of("100", "USD"))
            .period(BudgetPeriod.MONTHLY)
            .zone(ZoneId.of("Asia/Tokyo"))
            .build();
    Instant lateJanuaryUtc = Instant.parse("2026-01-31T20:00:00Z");
    assertThat(tokyo.windowAt(lateJanuaryUtc).start()).isEqualTo(LocalDate.of(2026, 2, 1));
    assertThat(valid().build().windowAt(lateJanuaryUtc).start())
        .isEqualTo(LocalDate.of(2026, 1, 1));
  }

  @Test
  void percentageThresholdIsAShareOfTheAmountAndAbsoluteIsTheAmount() {
    Money amount = Money.of("200.00", "USD");
    assertThat(BudgetNotification.actualPercent("80").thresholdAmount(amount))
        .isEqualTo(Money.of("160", "USD"));
    assertThat(BudgetNotification.forecastedPercent("12.5").thresholdAmount(amount))
        .isEqualTo(Money.of("25", "USD"));
    assertThat(BudgetNotification.actualAbsolute("150.00").thresholdAmount(amount))
        .isEqualTo(Money.of("150", "USD"));
  }

  @Test
  void greaterThanIsStrict() {
    Money threshold = Money.of("160.00", "USD");
    assertThat(BudgetNotification.stateOf(Money.of("160.00", "USD"), threshold))
        .isEqualTo(NotificationState.OK);
    assertThat(BudgetNotification.stateOf(Money.of("160.01", "USD"), threshold))
        .isEqualTo(NotificationState.ALARM);
  }

  @Test
  void badAmountNamesTheBudgetAndTheValue() {
    assertThatThrownBy(() -> valid().amount(Money.of("1", "USD")).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("amount: already set");
    assertThatThrownBy(
            () ->
                Budget.builder()
                    .name("zero")
                    .scope(ACME)
                    .amount(Money.of("0.00", "USD"))
                    .period(BudgetPeriod.MONTHLY)
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("amount of budget 'zero'")
        .hasMessageContaining("USD 0.00")
        .hasMessageContaining("allowed: > 0");
  }

  @Test
  void missingRequiredFieldIsNamed() {
    assertThatThrownBy(() -> Budget.builder().name("x").scope(ACME).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("amount: not set");
  }

  @Test
  void blankNameAndWildcardServiceAreRefused() {
    assertThatThrownBy(
            () ->
                new Budget(
                    " ",
                    ACME,
                    Optional.empty(),
                    Money.of("1", "USD"),
                    BudgetPeriod.MONTHLY,
                    ZoneOffset.UTC,
                    List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("name: ' '");
    assertThatThrownBy(() -> valid().service("*").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("service of budget 'acme-monthly': '*'");
  }

  @Test
  void thresholdsOutOfRangeAreRefusedWithTheValue() {
    assertThatThrownBy(() -> BudgetNotification.actualPercent("-5"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("threshold: -5 is negative");
    assertThatThrownBy(() -> BudgetNotification.forecastedPercent("2000000"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("threshold: 2000000% is too large");
    assertThatThrownBy(() -> BudgetNotification.actualAbsolute("lots"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("threshold: 'lots' is not a decimal number");
    assertThat(BudgetNotification.actualAbsolute("2000000").threshold())
        .isEqualByComparingTo(new BigDecimal("2000000"));
  }

  @Test
  void duplicateOrTooManyNotificationsAreRefused() {
    assertThatThrownBy(
            () ->
                valid()
                    .notification(BudgetNotification.actualPercent("80"))
                    .notification(BudgetNotification.actualPercent("80"))
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ACTUAL > 80% twice");
    Budget.Builder many = valid();
    for (int i = 1; i <= 11; i++) {
      many.notification(BudgetNotification.actualPercent(Integer.toString(i * 10)));
    }
    assertThatThrownBy(many::build)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("notifications of budget 'acme-monthly': 11; allowed: at most 10");
  }

  @Test
  void unknownPeriodNameListsTheAllowedOnes() {
    assertThat(BudgetPeriod.parse(" quarterly ")).isEqualTo(BudgetPeriod.QUARTERLY);
    assertThatThrownBy(() -> BudgetPeriod.parse("weekly"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("period: 'weekly'; allowed: [MONTHLY, QUARTERLY, ANNUALLY]");
  }
}
