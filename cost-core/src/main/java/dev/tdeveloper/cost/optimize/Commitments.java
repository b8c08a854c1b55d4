package dev.tdeveloper.cost.optimize;

import dev.tdeveloper.cost.money.Money;
import dev.tdeveloper.cost.price.PricingModel;
import dev.tdeveloper.cost.price.ResourceType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Commitment coverage per region: the steady vCPU baseline (a low percentile of the vCPU held in
 * each hour of the look-back) priced at the committed rate instead of on-demand.
 */
final class Commitments {
  private final Analysis a;
  private final OptimizerSettings s;

  Commitments(Analysis analysis) {
    this.a = analysis;
    this.s = analysis.settings();
  }

  void addTo(List<Recommendation> out) {
    // region -> hour -> workload -> least max(request, used) in that hour
    Map<String, Map<Long, Map<WorkloadStats.Key, BigDecimal>>> held = new TreeMap<>();
    Map<String, Integer> counts = new HashMap<>();
    Map<String, Set<Long>> hours = new HashMap<>();
    for (UtilizationSample x : a.samples()) {
      long h = WorkloadStats.hourIndex(a.window(), x);
      BigDecimal charged = x.cpuCoresRequested().max(x.cpuCoresUsed());
      held.computeIfAbsent(x.region(), r -> new HashMap<>())
          .computeIfAbsent(h, k -> new HashMap<>())
          .merge(
              new WorkloadStats.Key(x.tenant(), x.workload(), x.region()),
              charged,
              BigDecimal::min);
      counts.merge(x.region(), 1, Integer::sum);
      hours.computeIfAbsent(x.region(), r -> new HashSet<>()).add(h);
    }
    held.forEach(
        (region, byHour) -> region(region, byHour, counts.get(region), hours.get(region), out));
  }

  private void region(
      String region,
      Map<Long, Map<WorkloadStats.Key, BigDecimal>> byHour,
      int n,
      Set<Long> hoursWithSamples,
      List<Recommendation> out) {
    Optional<Money> committed = a.price(region, ResourceType.VCPU, PricingModel.COMMITTED);
    if (n < s.minimumSamples() || committed.isEmpty()) {
      return;
    }
    Money onDemand = a.onDemand(region, ResourceType.VCPU, "commitment coverage of " + region);
    Money discount = onDemand.minus(committed.get());
    if (discount.isNegative() || discount.isZero()) {
      return;
    }
    List<BigDecimal> hourly = new ArrayList<>((int) a.windowHours());
    for (long h = 0; h < a.windowHours(); h++) {
      hourly.add(
          byHour.getOrDefault(h, Map.of()).values().stream()
              .reduce(BigDecimal.ZERO, BigDecimal::add));
    }
    hourly.sort(null);
    BigDecimal baseline = Percentiles.nearestRank(hourly, s.baselinePercentile());
    BigDecimal existing = s.committedCores().getOrDefault(region, BigDecimal.ZERO);
    BigDecimal additional = baseline.subtract(existing);
    if (additional.signum() <= 0) {
      return;
    }
    Money savings =
        discount.times(additional).times(BigDecimal.valueOf(CostOptimizer.HOURS_PER_MONTH));
    if (savings.compareTo(s.minimumMonthlySavings()) <= 0) {
      return;
    }
    double coverage = (double) hoursWithSamples.size() / a.windowHours();
    List<String> reasons =
        List.of(
            "steady baseline P"
                + Sizing.plain(s.baselinePercentile())
                + " of hourly vCPU held (max(request, used)) = "
                + Sizing.plain(baseline)
                + " cores over "
                + a.windowHours()
                + " hours (min "
                + Sizing.plain(hourly.get(0))
                + ", max "
                + Sizing.plain(hourly.get(hourly.size() - 1))
                + ")",
            "already committed "
                + Sizing.plain(existing)
                + " cores; commit "
                + Sizing.plain(additional)
                + " more, never above the baseline",
            "on-demand "
                + onDemand
                + " vs committed "
                + committed.get()
                + " per vCPU-hour: "
                + Sizing.plain(additional)
                + " x "
                + discount
                + " x "
                + CostOptimizer.HOURS_PER_MONTH
                + " hours = "
                + savings,
            a.confidenceReason(coverage, hoursWithSamples.size(), n));
    out.add(
        new Recommendation(
            RecommendationKind.COMMITMENT,
            Optional.empty(),
            Optional.empty(),
            region,
            new Capacity(existing, 0),
            new Capacity(baseline, 0),
            savings,
            s.confidence(coverage, n),
            false,
            reasons));
  }
}
