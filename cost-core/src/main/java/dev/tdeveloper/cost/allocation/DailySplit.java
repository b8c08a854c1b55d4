package dev.tdeveloper.cost.allocation;

import dev.tdeveloper.cost.money.Apportionment;
import dev.tdeveloper.cost.money.Money;
import dev.tdeveloper.cost.usage.CostPeriod;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Splits cost lines over the UTC days of their periods in proportion to time, with {@link
 * Apportionment} so the days of a line add up to it exactly, and sums them per scope, service and
 * day.
 */
final class DailySplit {
  private DailySplit() {}

  static List<DailyCost> tenants(List<CostLine> lines) {
    Map<String, Map<String, Map<LocalDate, Money>>> sums = new TreeMap<>();
    for (CostLine l : lines) {
      if (l.tenant().isPresent()) {
        add(sums, l.tenant().get().value(), l);
      }
    }
    return flatten(sums, CostScope.Kind.TENANT);
  }

  static List<DailyCost> organisation(CostScope scope, List<CostLine> lines) {
    Map<String, Map<String, Map<LocalDate, Money>>> sums = new TreeMap<>();
    for (CostLine l : lines) {
      add(sums, scope.id(), l);
    }
    return flatten(sums, scope.kind());
  }

  private static void add(
      Map<String, Map<String, Map<LocalDate, Money>>> sums, String scope, CostLine l) {
    Map<LocalDate, Money> days =
        sums.computeIfAbsent(scope, k -> new TreeMap<>())
            .computeIfAbsent(l.service(), k -> new TreeMap<>());
    CostPeriod p = l.period();
    List<LocalDate> dates = new ArrayList<>();
    List<BigDecimal> weights = new ArrayList<>();
    LocalDate day = LocalDate.ofInstant(p.start(), ZoneOffset.UTC);
    Instant from = p.start();
    while (from.isBefore(p.end())) {
      Instant next = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
      Instant to = next.isBefore(p.end()) ? next : p.end();
      Duration d = Duration.between(from, to);
      dates.add(day);
      weights.add(BigDecimal.valueOf(d.getSeconds()).add(BigDecimal.valueOf(d.getNano(), 9)));
      from = to;
      day = day.plusDays(1);
    }
    List<Money> parts =
        dates.size() == 1 ? List.of(l.amount()) : Apportionment.split(l.amount(), weights);
    for (int i = 0; i < dates.size(); i++) {
      days.merge(dates.get(i), parts.get(i), Money::plus);
    }
  }

  private static List<DailyCost> flatten(
      Map<String, Map<String, Map<LocalDate, Money>>> sums, CostScope.Kind kind) {
    List<DailyCost> out = new ArrayList<>();
    sums.forEach(
        (scope, services) ->
            services.forEach(
                (service, days) ->
                    days.forEach(
                        (day, cost) ->
                            out.add(
                                new DailyCost(new CostScope(kind, scope), service, day, cost)))));
    return List.copyOf(out);
  }
}
