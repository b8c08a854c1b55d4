package dev.tdeveloper.cost.optimize;

import dev.tdeveloper.cost.usage.CostPeriod;
import dev.tdeveloper.tenancy.TenantId;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** What one workload's samples in the look-back add up to. Immutable once built. */
final class WorkloadStats {
  /** Identifies a workload: the same name in two regions is two workloads. */
  record Key(TenantId tenant, String workload, String region) {}

  final Key key;
  final int samples;
  final Set<Long> hours;
  final List<BigDecimal> cpuAscending;
  final long peakMemoryBytes;
  final Capacity current;

  private WorkloadStats(Key key, List<UtilizationSample> samples, CostPeriod window) {
    this.key = key;
    this.samples = samples.size();
    Set<Long> h = new HashSet<>();
    List<BigDecimal> cpu = new ArrayList<>(samples.size());
    long peak = 0;
    UtilizationSample latest = samples.get(0);
    for (UtilizationSample s : samples) {
      h.add(hourIndex(window, s));
      cpu.add(s.cpuCoresUsed());
      peak = Math.max(peak, s.memoryBytesUsed());
      if (s.time().isAfter(latest.time())) {
        latest = s;
      }
    }
    cpu.sort(Comparator.naturalOrder());
    this.hours = Set.copyOf(h);
    this.cpuAscending = List.copyOf(cpu);
    this.peakMemoryBytes = peak;
    this.current = new Capacity(latest.cpuCoresRequested(), latest.memoryBytesRequested());
  }

  static WorkloadStats of(Key key, List<UtilizationSample> samples, CostPeriod window) {
    return new WorkloadStats(key, samples, window);
  }

  static long hourIndex(CostPeriod window, UtilizationSample s) {
    return (s.time().getEpochSecond() - window.start().getEpochSecond()) / 3600;
  }

  /** Hours with at least one sample over the hours of the look-back. */
  double coverage(long windowHours) {
    return (double) hours.size() / windowHours;
  }
}
