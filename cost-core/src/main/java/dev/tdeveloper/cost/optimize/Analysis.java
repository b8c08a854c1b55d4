package dev.tdeveloper.cost.optimize;

import dev.tdeveloper.cost.CostException;
import dev.tdeveloper.cost.money.Money;
import dev.tdeveloper.cost.price.PriceKey;
import dev.tdeveloper.cost.price.PricingModel;
import dev.tdeveloper.cost.price.ResourceType;
import dev.tdeveloper.cost.usage.CostPeriod;
import dev.tdeveloper.cost.usage.UsageRecord;
import dev.tdeveloper.tenancy.TenantId;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** One run of the optimizer over one window; the rules are documented on {@link CostOptimizer}. */
final class Analysis {
  private static final Comparator<Recommendation> ORDER =
      Comparator.comparing(Recommendation::monthlySavings)
          .reversed()
          .thenComparing(Recommendation::kind)
          .thenComparing(r -> r.tenant().map(TenantId::value).orElse(""))
          .thenComparing(r -> r.workload().orElse(""))
          .thenComparing(Recommendation::region);

  private final OptimizerSettings s;
  private final CostPeriod window;
  private final long windowHours;
  private final Collection<UtilizationSample> samples;
  private final Map<WorkloadStats.Key, WorkloadStats> workloads = new TreeMap<>(KEY_ORDER);
  private final boolean metered;
  private final Map<TenantId, Set<Long>> activeHours = new HashMap<>();
  private final Map<TenantId, Map<String, BigDecimal>> requests = new HashMap<>();

  private static final Comparator<WorkloadStats.Key> KEY_ORDER =
      Comparator.comparing(WorkloadStats.Key::tenant)
          .thenComparing(WorkloadStats.Key::workload)
          .thenComparing(WorkloadStats.Key::region);

  Analysis(
      OptimizerSettings settings,
      CostPeriod window,
      Collection<UtilizationSample> samples,
      Optional<Collection<UsageRecord>> requestMetering) {
    this.s = settings;
    this.window = window;
    this.windowHours = window.duration().toHours();
    this.samples = samples.stream().filter(x -> window.contains(x.time())).toList();
    Map<WorkloadStats.Key, List<UtilizationSample>> byKey = new HashMap<>();
    for (UtilizationSample x : this.samples) {
      byKey
          .computeIfAbsent(
              new WorkloadStats.Key(x.tenant(), x.workload(), x.region()), k -> new ArrayList<>())
          .add(x);
    }
    byKey.forEach((k, v) -> workloads.put(k, WorkloadStats.of(k, v, window)));
    this.metered = requestMetering.isPresent();
    requestMetering.ifPresent(records -> records.forEach(this::meter));
  }

  private void meter(UsageRecord r) {
    if (r.resource() != ResourceType.REQUESTS) {
      return;
    }
    Instant from = max(r.period().start(), window.start());
    Instant to = min(r.period().end(), window.end());
    if (!from.isBefore(to)) {
      return;
    }
    requests
        .computeIfAbsent(r.tenant(), t -> new HashMap<>())
        .merge(r.workload(), r.used(), BigDecimal::add);
    if (r.used().signum() > 0) {
      long ws = window.start().getEpochSecond();
      long first = (from.getEpochSecond() - ws) / 3600;
      long last = Math.floorDiv(to.getEpochSecond() - ws + 3599, 3600) - 1;
      Set<Long> hours = activeHours.computeIfAbsent(r.tenant(), t -> new HashSet<>());
      for (long h = first; h <= last; h++) {
        hours.add(h);
      }
    }
  }

  List<Recommendation> run() {
    List<Recommendation> out = new ArrayList<>();
    Set<WorkloadStats.Key> idle = new HashSet<>();
    for (WorkloadStats w : workloads.values()) {
      if (w.samples < s.minimumSamples()) {
        continue;
      }
      Optional<Recommendation> r = new Sizing(this, w).idle();
      if (r.isPresent()) {
        idle.add(w.key);
        out.add(r.get());
      } else {
        new Sizing(this, w).rightsize().ifPresent(out::add);
      }
    }
    if (metered) {
      scaleToZero(idle, out);
    }
    new Commitments(this).addTo(out);
    out.sort(ORDER);
    return List.copyOf(out);
  }

  private void scaleToZero(Set<WorkloadStats.Key> idle, List<Recommendation> out) {
    Map<TenantId, Map<String, List<WorkloadStats>>> byTenant = new TreeMap<>();
    for (WorkloadStats w : workloads.values()) {
      if (!idle.contains(w.key)) {
        byTenant
            .computeIfAbsent(w.key.tenant(), t -> new TreeMap<>())
            .computeIfAbsent(w.key.region(), r -> new ArrayList<>())
            .add(w);
      }
    }
    byTenant.forEach(
        (tenant, regions) -> {
          long zero = windowHours - activeHours.getOrDefault(tenant, Set.of()).size();
          if ((double) zero / windowHours <= s.scaleToZeroFraction()) {
            return;
          }
          regions.forEach((region, list) -> scaleToZero(tenant, region, list, zero, out));
        });
  }

  private void scaleToZero(
      TenantId tenant,
      String region,
      List<WorkloadStats> list,
      long zero,
      List<Recommendation> out) {
    Capacity held = Capacity.ZERO;
    int n = 0;
    Set<Long> hours = new HashSet<>();
    for (WorkloadStats w : list) {
      held = held.plus(w.current);
      n += w.samples;
      hours.addAll(w.hours);
    }
    if (n < s.minimumSamples()) {
      return;
    }
    Money monthly = monthlyCost(region, held, "scale-to-zero of tenant " + tenant.value());
    Money savings =
        new Money(
            monthly
                .amount()
                .multiply(BigDecimal.valueOf(zero))
                .divide(
                    BigDecimal.valueOf(windowHours),
                    Money.minorDigits(monthly.currency()),
                    RoundingMode.HALF_EVEN),
            monthly.currency());
    if (savings.compareTo(s.minimumMonthlySavings()) <= 0) {
      return;
    }
    double coverage = (double) hours.size() / windowHours;
    List<String> reasons =
        List.of(
            "no requests in "
                + zero
                + " of "
                + windowHours
                + " hours of the look-back, above the "
                + s.scaleToZeroFraction()
                + " threshold",
            list.size()
                + " workload(s) in "
                + region
                + " hold "
                + held
                + ", "
                + monthly
                + " a month; scaling to zero in those hours saves "
                + monthly
                + " x "
                + zero
                + " / "
                + windowHours
                + " = "
                + savings,
            confidenceReason(coverage, hours.size(), n));
    out.add(
        new Recommendation(
            RecommendationKind.SCALE_TO_ZERO,
            Optional.of(tenant),
            Optional.empty(),
            region,
            held,
            Capacity.ZERO,
            savings,
            s.confidence(coverage, n),
            false,
            reasons));
  }

  OptimizerSettings settings() {
    return s;
  }

  CostPeriod window() {
    return window;
  }

  long windowHours() {
    return windowHours;
  }

  Collection<UtilizationSample> samples() {
    return samples;
  }

  boolean metered() {
    return metered;
  }

  BigDecimal requestsOf(WorkloadStats.Key key) {
    return requests
        .getOrDefault(key.tenant(), Map.of())
        .getOrDefault(key.workload(), BigDecimal.ZERO);
  }

  Optional<Money> price(String region, ResourceType resource, PricingModel model) {
    return s.prices().unitPrice(PriceKey.of(region, resource, model));
  }

  Money onDemand(String region, ResourceType resource, String neededFor) {
    return price(region, resource, PricingModel.ON_DEMAND)
        .orElseThrow(
            () ->
                new CostException(
                    "price book: no on-demand "
                        + resource.key()
                        + " price for region "
                        + region
                        + "; needed for "
                        + neededFor));
  }

  /** What holding a capacity for a month costs at on-demand prices, exact. */
  Money monthlyCost(String region, Capacity c, String neededFor) {
    Money cpu = onDemand(region, ResourceType.VCPU, neededFor).times(c.cpuCores());
    Money ram = onDemand(region, ResourceType.RAM, neededFor).times(c.memoryGib());
    return cpu.plus(ram).times(BigDecimal.valueOf(CostOptimizer.HOURS_PER_MONTH));
  }

  String confidenceReason(double coverage, int hoursWithSamples, int n) {
    return "confidence "
        + round(s.confidence(coverage, n))
        + ": samples in "
        + hoursWithSamples
        + " of "
        + windowHours
        + " hours, "
        + n
        + " samples (full confidence from "
        + s.fullConfidenceSamples()
        + ")";
  }

  static String round(double d) {
    return BigDecimal.valueOf(d)
        .setScale(3, RoundingMode.HALF_EVEN)
        .stripTrailingZeros()
        .toPlainString();
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
