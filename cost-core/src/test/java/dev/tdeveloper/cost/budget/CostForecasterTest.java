package dev.tdeveloper.cost.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.cost.allocation.CostScope;
import dev.tdeveloper.cost.allocation.DailyCost;
import dev.tdeveloper.cost.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Random;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;

class CostForecasterTest {
  private static final CostScope ORG = CostScope.organisation("platform");
  private static final Currency USD = Money.currency("USD");
  private static final BudgetWindow JANUARY =
      new BudgetWindow(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 1));
  private final CostForecaster forecaster = CostForecaster.defaults();

  /** Daily costs from {@code start} for {@code days} days, day i costing {@code f(i)}. */
  private static List<DailyCost> series(LocalDate start, int days, IntToDoubleFunction f) {
    List<DailyCost> out = new ArrayList<>();
    for (int i = 0; i < days; i++) {
      BigDecimal amount =
          BigDecimal.valueOf(f.applyAsDouble(i)).setScale(2, RoundingMode.HALF_EVEN);
      out.add(new DailyCost(ORG, "*", start.plusDays(i), new Money(amount, USD)));
    }
    return out;
  }

  private static Money sum(List<DailyCost> costs) {
    return costs.stream().map(DailyCost::cost).reduce(Money.zero(USD), Money::plus);
  }

  @Test
  void linearTrendIsRecoveredWithinTheInterval() {
    Random random = new Random(42);
    double[] noise = random.doubles(31).map(u -> (u - 0.5) * 6).toArray();
    List<DailyCost> month = series(JANUARY.start(), 31, i -> 50 + 1.5 * i + noise[i]);
    LocalDate asOf = LocalDate.of(2026, 1, 16);
    List<DailyCost> known = month.subList(0, 15);

    CostForecast.Available f =
        (CostForecast.Available) forecaster.forecast(known, USD, JANUARY, asOf);

    assertThat(f.trendPerDay().amount().doubleValue()).isBetween(1.2, 1.8);
    assertThat(f.actualToDate()).isEqualTo(sum(known));
    assertThat(f.remainingDays()).isEqualTo(16);
    assertThat(f.interval95().contains(sum(month))).as(f.explanation()).isTrue();
    assertThat(f.interval80().lower()).isGreaterThanOrEqualTo(f.interval95().lower());
    assertThat(f.interval80().upper()).isLessThanOrEqualTo(f.interval95().upper());
  }

  @Test
  void intervalsCoverTheTruthAtAboutTheirNominalRate() {
    int covered80 = 0;
    int covered95 = 0;
    int runs = 200;
    for (int seed = 0; seed < runs; seed++) {
      Random random = new Random(seed);
      double[] noise = random.doubles(31 + 28).map(u -> random.nextGaussian() * 5).toArray();
      List<DailyCost> all =
          series(LocalDate.of(2025, 12, 4), 28 + 31, i -> 80 + 0.8 * i + noise[i]);
      List<DailyCost> known = all.subList(0, 28 + 10);
      CostForecast.Available f =
          (CostForecast.Available)
              forecaster.forecast(known, USD, JANUARY, LocalDate.of(2026, 1, 11));
      Money truth = sum(all.subList(28, 28 + 31));
      covered80 += f.interval80().contains(truth) ? 1 : 0;
      covered95 += f.interval95().contains(truth) ? 1 : 0;
    }
    // Observed with these seeds: 81% and 95.5%.
    assertThat(covered80).isBetween(runs * 70 / 100, runs * 90 / 100);
    assertThat(covered95).isBetween(runs * 88 / 100, runs * 995 / 1000);
  }

  @Test
  void weeklyPatternIsRecoveredExactly() {
    IntToDoubleFunction weekdayHeavy =
        i -> {
          DayOfWeek d = LocalDate.of(2025, 12, 1).plusDays(i).getDayOfWeek();
          return (d == DayOfWeek.SATURDAY || d == DayOfWeek.SUNDAY ? 20 : 100) + 0.5 * i;
        };
    List<DailyCost> all = series(LocalDate.of(2025, 12, 1), 62, weekdayHeavy);
    LocalDate asOf = LocalDate.of(2026, 1, 21);
    List<DailyCost> known = all.stream().filter(c -> c.day().isBefore(asOf)).toList();
    Money truth = sum(all.stream().filter(c -> JANUARY.contains(c.day())).toList());

    CostForecast.Available f =
        (CostForecast.Available) forecaster.forecast(known, USD, JANUARY, asOf);

    assertThat(f.weekly()).isTrue();
    assertThat(f.trendPerDay()).isEqualTo(Money.of("0.50", "USD"));
    assertThat(f.total()).isEqualTo(truth);
    assertThat(f.interval95().lower()).isEqualTo(truth);
    assertThat(f.interval95().upper()).isEqualTo(truth);
  }

  @Test
  void withoutThreeWeeksThereIsNoWeeklySeason() {
    List<DailyCost> known = series(JANUARY.start(), 10, i -> 10);
    CostForecast.Available f =
        (CostForecast.Available)
            forecaster.forecast(known, USD, JANUARY, LocalDate.of(2026, 1, 11));
    assertThat(f.weekly()).isFalse();
    assertThat(f.total()).isEqualTo(Money.of("310.00", "USD"));
  }

  @Test
  void tooFewDaysGiveNoForecastAndSayWhy() {
    List<DailyCost> known = series(JANUARY.start(), 4, i -> 10);
    CostForecast f = forecaster.forecast(known, USD, JANUARY, LocalDate.of(2026, 1, 5));
    assertThat(f).isInstanceOf(CostForecast.Unavailable.class);
    assertThat(((CostForecast.Unavailable) f).reason())
        .contains("needs at least 5 days of cost history before 2026-01-05, has 4");
    assertThat(f.actualToDate()).isEqualTo(Money.of("40", "USD"));
  }

  @Test
  void historyBeforeThePeriodLetsTheFirstDayForecast() {
    List<DailyCost> december = series(LocalDate.of(2025, 12, 1), 31, i -> 10);
    CostForecast.Available f =
        (CostForecast.Available) forecaster.forecast(december, USD, JANUARY, JANUARY.start());
    assertThat(f.actualToDate()).isEqualTo(Money.zero(USD));
    assertThat(f.total()).isEqualTo(Money.of("310", "USD"));
  }

  @Test
  void aPartialDayAboveItsPredictionCountsAsRecorded() {
    List<DailyCost> known = new ArrayList<>(series(JANUARY.start(), 10, i -> 10));
    known.add(new DailyCost(ORG, "*", LocalDate.of(2026, 1, 11), Money.of("500", "USD")));
    CostForecast.Available f =
        (CostForecast.Available)
            forecaster.forecast(known, USD, JANUARY, LocalDate.of(2026, 1, 11));
    assertThat(f.actualToDate()).isEqualTo(Money.of("600", "USD"));
    assertThat(f.total()).isEqualTo(Money.of("800", "USD"));
    assertThat(f.interval95().lower()).isGreaterThanOrEqualTo(f.actualToDate());
  }

  @Test
  void aCompletedPeriodForecastsItsActualCost() {
    List<DailyCost> month = series(JANUARY.start(), 31, i -> i);
    CostForecast.Available f =
        (CostForecast.Available) forecaster.forecast(month, USD, JANUARY, LocalDate.of(2026, 2, 3));
    assertThat(f.total()).isEqualTo(Money.of("465", "USD")).isEqualTo(f.actualToDate());
    assertThat(f.remainingDays()).isZero();
  }

  @Test
  void forecastsAreDeterministicAndRoundedToTheMinorUnit() {
    Random random = new Random(7);
    List<DailyCost> known =
        series(LocalDate.of(2025, 12, 10), 30, i -> 33.333 + random.nextDouble() * 10);
    CostForecast a = forecaster.forecast(known, USD, JANUARY, LocalDate.of(2026, 1, 9));
    CostForecast b =
        forecaster.forecast(List.copyOf(known), USD, JANUARY, LocalDate.of(2026, 1, 9));
    assertThat(a).isEqualTo(b);
    CostForecast.Available f = (CostForecast.Available) a;
    assertThat(f.total().amount().scale()).isEqualTo(2);
    assertThat(f.interval80().upper().amount().scale()).isEqualTo(2);
    assertThat(f.interval95().lower().amount().scale()).isEqualTo(2);
  }

  @Test
  void costsOfAnotherCurrencyAreRefused() {
    List<DailyCost> known = List.of(new DailyCost(ORG, "*", JANUARY.start(), Money.of("1", "EUR")));
    assertThatThrownBy(() -> forecaster.forecast(known, USD, JANUARY, LocalDate.of(2026, 1, 2)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("on 2026-01-01: currency EUR; allowed: USD");
  }

  @Test
  void badSettingsNameTheFieldAndValue() {
    assertThatThrownBy(() -> CostForecaster.builder().minimumDays(2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("minimumDays: 2; allowed: >= 3");
    assertThatThrownBy(() -> CostForecaster.builder().weeklyMinimumDays(7))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("weeklyMinimumDays: 7; allowed: >= 14");
    assertThatThrownBy(() -> CostForecaster.builder().lookbackDays(400))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lookbackDays: 400; allowed: 3 to 366");
    assertThatThrownBy(() -> CostForecaster.builder().minimumDays(10).lookbackDays(7).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("lookbackDays: 7 is below minimumDays 10");
  }
}
