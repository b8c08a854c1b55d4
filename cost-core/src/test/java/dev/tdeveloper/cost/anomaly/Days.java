package dev.tdeveloper.cost.anomaly;

import dev.tdeveloper.cost.allocation.CostScope;
import dev.tdeveloper.cost.allocation.DailyCost;
import dev.tdeveloper.cost.money.Money;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;

/** Deterministic daily costs for unit tests: 100 on weekdays, 60 at weekends, ±2.5 of jitter. */
final class Days {
  static final LocalDate DAY0 = LocalDate.of(2024, 1, 1);

  private Days() {}

  static LocalDate day(int i) {
    return DAY0.plusDays(i);
  }

  static double normal(int i) {
    DayOfWeek w = day(i).getDayOfWeek();
    double base = w == DayOfWeek.SATURDAY || w == DayOfWeek.SUNDAY ? 60 : 100;
    return base + ((i * 7919L) % 11 - 5) * 0.5;
  }

  static DailyCost cost(CostScope scope, String service, int i, double amount) {
    return new DailyCost(
        scope,
        service,
        day(i),
        Money.of(BigDecimal.valueOf(amount).setScale(2), Money.currency("USD")));
  }

  static DailyCost normalCost(CostScope scope, String service, int i) {
    return cost(scope, service, i, normal(i));
  }
}
