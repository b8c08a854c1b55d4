package dev.tdeveloper.cost.anomaly;

import dev.tdeveloper.cost.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The running totals of an open anomaly. Guarded by the detector's lock. */
final class OpenAnomaly {
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  final CostAnomaly.Direction direction;
  final LocalDate start;
  LocalDate lastDay;
  int days;
  BigDecimal expected = BigDecimal.ZERO;
  BigDecimal actual = BigDecimal.ZERO;
  double maxScore;
  BigDecimal announcedImpact = BigDecimal.ZERO;
  private final Map<String, BigDecimal[]> causes = new LinkedHashMap<>();

  OpenAnomaly(CostAnomaly.Direction direction, LocalDate start) {
    this.direction = direction;
    this.start = start;
    this.lastDay = start;
  }

  /** Adds one anomalous day of the series itself. */
  void addDay(LocalDate day, BigDecimal expectedAmount, BigDecimal actualAmount, double score) {
    lastDay = day;
    days++;
    expected = expected.add(expectedAmount);
    actual = actual.add(actualAmount);
    maxScore = Math.max(maxScore, Math.abs(score));
  }

  /** Adds one service's spend on an anomalous day to the root causes. */
  void addCause(String service, BigDecimal expectedAmount, BigDecimal actualAmount) {
    BigDecimal[] sums =
        causes.computeIfAbsent(service, s -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
    sums[0] = sums[0].add(expectedAmount);
    sums[1] = sums[1].add(actualAmount);
  }

  BigDecimal impact() {
    return actual.subtract(expected);
  }

  CostAnomaly snapshot(Series series, Optional<LocalDate> end) {
    BigDecimal impact = impact();
    Optional<BigDecimal> percent =
        expected.signum() == 0
            ? Optional.empty()
            : Optional.of(impact.multiply(HUNDRED).divide(expected, 2, RoundingMode.HALF_EVEN));
    List<RootCause> roots = new ArrayList<>();
    for (Map.Entry<String, BigDecimal[]> e : causes.entrySet()) {
      BigDecimal causeImpact = e.getValue()[1].subtract(e.getValue()[0]);
      BigDecimal share =
          impact.signum() == 0
              ? BigDecimal.ZERO.setScale(2)
              : causeImpact.multiply(HUNDRED).divide(impact, 2, RoundingMode.HALF_EVEN);
      roots.add(
          new RootCause(
              series.scope,
              e.getKey(),
              money(series, e.getValue()[0]),
              money(series, e.getValue()[1]),
              money(series, causeImpact),
              share));
    }
    Comparator<RootCause> bySize = Comparator.comparing(r -> r.impact().amount());
    roots.sort(direction == CostAnomaly.Direction.INCREASE ? bySize.reversed() : bySize);
    return new CostAnomaly(
        series.scope.kind() + ":" + series.scope.id() + "/" + series.service + "/" + start,
        series.scope,
        series.service,
        direction,
        start,
        lastDay,
        end,
        days,
        money(series, expected),
        money(series, actual),
        money(series, impact),
        percent,
        maxScore,
        roots);
  }

  private static Money money(Series series, BigDecimal amount) {
    return Money.of(amount, series.currency);
  }
}
