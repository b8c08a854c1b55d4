package dev.tdeveloper.cost.anomaly;

import dev.tdeveloper.cost.allocation.CostScope;
import dev.tdeveloper.cost.allocation.DailyCost;
import dev.tdeveloper.cost.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded daily cost series: a level with a linear trend, a weekly season (cheaper weekends) and
 * Gaussian noise, with spikes and level shifts of a given size in noise standard deviations
 * injected at known days.
 */
final class SyntheticCostSeries {
  enum Kind {
    SPIKE,
    LEVEL_SHIFT
  }

  /** An injected anomaly: its days (inclusive), kind and size in noise sigmas. */
  record Injected(LocalDate start, LocalDate end, Kind kind, double sigmas) {
    boolean overlaps(LocalDate from, LocalDate to) {
      return !from.isAfter(end) && !to.isBefore(start);
    }
  }

  /** A generated series and the truth about it. */
  record Generated(List<DailyCost> costs, List<Injected> injected, double sigma) {}

  /** The first day an anomaly may be injected: after the history and residual windows fill. */
  static final int WARM_UP_DAYS = 35;

  private SyntheticCostSeries() {}

  static Generated generate(
      long seed,
      CostScope scope,
      String service,
      LocalDate from,
      int days,
      double minSigmas,
      double maxSigmas) {
    Random random = new Random(seed);
    double level = 200 + random.nextDouble() * 1800;
    double trend = level * (-0.001 + random.nextDouble() * 0.004);
    double weekendDrop = random.nextDouble() * 0.4;
    double sigma = level * (0.02 + random.nextDouble() * 0.04);
    double[] extra = new double[days];
    List<Injected> injected = new ArrayList<>();
    int day = WARM_UP_DAYS + random.nextInt(10);
    while (day < days - 12) {
      Kind kind = random.nextBoolean() ? Kind.SPIKE : Kind.LEVEL_SHIFT;
      int length = kind == Kind.SPIKE ? 1 + random.nextInt(3) : 5 + random.nextInt(6);
      double sigmas = minSigmas + random.nextDouble() * (maxSigmas - minSigmas);
      for (int i = day; i < day + length; i++) {
        extra[i] = sigmas * sigma;
      }
      injected.add(
          new Injected(from.plusDays(day), from.plusDays(day + length - 1L), kind, sigmas));
      day += length + 20 + random.nextInt(20);
    }
    List<DailyCost> costs = new ArrayList<>(days);
    for (int i = 0; i < days; i++) {
      LocalDate d = from.plusDays(i);
      boolean weekend =
          d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
      double value =
          (level + trend * i) * (weekend ? 1 - weekendDrop : 1)
              + random.nextGaussian() * sigma
              + extra[i];
      BigDecimal amount =
          BigDecimal.valueOf(Math.max(0, value)).setScale(2, RoundingMode.HALF_EVEN);
      costs.add(new DailyCost(scope, service, d, Money.of(amount, Money.currency("USD"))));
    }
    return new Generated(costs, injected, sigma);
  }
}
