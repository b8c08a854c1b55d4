package dev.tdeveloper.cost.optimize;

import dev.tdeveloper.cost.money.Money;
import dev.tdeveloper.cost.price.ResourceType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Idle and rightsizing verdicts for one workload; rules on {@link CostOptimizer}. */
final class Sizing {
  private static final BigDecimal MIB = BigDecimal.valueOf(1L << 20);

  private final Analysis a;
  private final OptimizerSettings s;
  private final WorkloadStats w;
  private final BigDecimal cpuP;
  private final int rank;
  private final double coverage;
  private final String subject;

  Sizing(Analysis analysis, WorkloadStats workload) {
    this.a = analysis;
    this.s = analysis.settings();
    this.w = workload;
    this.cpuP = Percentiles.nearestRank(w.cpuAscending, s.cpuPercentile());
    this.rank = Percentiles.rank(s.cpuPercentile(), w.samples);
    this.coverage = w.coverage(a.windowHours());
    this.subject = "workload " + w.key.workload() + " of tenant " + w.key.tenant().value();
  }

  Optional<Recommendation> idle() {
    Capacity cur = w.current;
    BigDecimal limit = s.idleCpuFraction().multiply(cur.cpuCores());
    BigDecimal served = a.requestsOf(w.key);
    if (coverage < s.idleMinimumCoverage()
        || cpuP.compareTo(limit) >= 0
        || (a.metered() && served.signum() > 0)) {
      return Optional.empty();
    }
    Money savings = a.monthlyCost(w.key.region(), cur, subject);
    if (savings.compareTo(s.minimumMonthlySavings()) <= 0) {
      return Optional.empty();
    }
    List<String> reasons = new ArrayList<>();
    reasons.add(
        cpuReason()
            + ", below "
            + plain(limit)
            + " ("
            + plain(s.idleCpuFraction())
            + " x request)");
    reasons.add(
        a.metered()
            ? "no requests metered in the look-back"
            : "requests not metered: judged on CPU alone");
    reasons.add("the request of " + cur + " costs " + savings + " a month, all of it saved");
    reasons.add(a.confidenceReason(coverage, w.hours.size(), w.samples));
    return Optional.of(
        recommendation(RecommendationKind.IDLE, Capacity.ZERO, savings, false, reasons));
  }

  Optional<Recommendation> rightsize() {
    Capacity cur = w.current;
    BigDecimal factor = BigDecimal.ONE.add(s.headroom());
    BigDecimal neededCpu = cpuP.multiply(factor).setScale(3, RoundingMode.CEILING);
    long neededMem =
        BigDecimal.valueOf(w.peakMemoryBytes)
                .multiply(factor)
                .divide(MIB, 0, RoundingMode.CEILING)
                .longValueExact()
            << 20;
    boolean underCpu = cpuP.compareTo(cur.cpuCores()) > 0;
    boolean underMem = w.peakMemoryBytes > cur.memoryBytes();
    Capacity proposed =
        new Capacity(
            underCpu ? neededCpu : neededCpu.min(cur.cpuCores()),
            underMem ? neededMem : Math.min(neededMem, cur.memoryBytes()));
    String region = w.key.region();
    Money before = a.monthlyCost(region, cur, subject);
    Money after = a.monthlyCost(region, proposed, subject);
    Money savings = before.minus(after);
    boolean risk = underCpu || underMem;
    if (!risk && savings.compareTo(s.minimumMonthlySavings()) <= 0) {
      return Optional.empty();
    }
    String headroom = " x " + plain(factor);
    List<String> reasons = new ArrayList<>();
    reasons.add(
        cpuReason()
            + "; request "
            + plain(cur.cpuCores())
            + " cores; needed "
            + plain(neededCpu)
            + " = P"
            + plain(s.cpuPercentile())
            + headroom
            + ", rounded up to a millicore"
            + (underCpu ? "; UNDER-PROVISIONED" : ""));
    reasons.add(
        "memory peak "
            + w.peakMemoryBytes
            + " bytes; request "
            + cur.memoryBytes()
            + " bytes; needed "
            + neededMem
            + " bytes = peak"
            + headroom
            + ", rounded up to a MiB"
            + (underMem ? "; UNDER-PROVISIONED" : ""));
    reasons.add(
        "monthly cost "
            + before
            + " -> "
            + after
            + " at "
            + a.onDemand(region, ResourceType.VCPU, subject)
            + " per vCPU-hour and "
            + a.onDemand(region, ResourceType.RAM, subject)
            + " per GiB-hour over "
            + CostOptimizer.HOURS_PER_MONTH
            + " hours");
    reasons.add(a.confidenceReason(coverage, w.hours.size(), w.samples));
    return Optional.of(
        recommendation(RecommendationKind.RIGHTSIZE, proposed, savings, risk, reasons));
  }

  private String cpuReason() {
    return "CPU P"
        + plain(s.cpuPercentile())
        + " = "
        + plain(cpuP)
        + " cores (nearest rank "
        + rank
        + " of "
        + w.samples
        + " samples)";
  }

  private Recommendation recommendation(
      RecommendationKind kind,
      Capacity proposed,
      Money savings,
      boolean risk,
      List<String> reasons) {
    return new Recommendation(
        kind,
        Optional.of(w.key.tenant()),
        Optional.of(w.key.workload()),
        w.key.region(),
        w.current,
        proposed,
        savings,
        s.confidence(coverage, w.samples),
        risk,
        reasons);
  }

  static String plain(BigDecimal d) {
    return d.stripTrailingZeros().toPlainString();
  }
}
