package dev.tdeveloper.benchmarks.load;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * What one measured run of the generator saw. Counts are indexed {@code [RequestKind.ordinal()]
 * [Outcome.ordinal()]} and {@code [tenant][Outcome.ordinal()]}; latencies are in microseconds from
 * each request's intended start (coordinated omission corrected). Treat as immutable.
 *
 * @param name {@code full-chain} or {@code bare}
 * @param targetRate the requests per second asked for
 * @param measured the length of the measured part, as scheduled
 * @param elapsed from the measured part's first intended start to its last answer (longer than
 *     {@code measured} when the demo fell behind)
 * @param sent requests sent in the measured part
 * @param byKind outcome counts per request kind
 * @param byTenant outcome counts per tenant
 * @param latency every measured request's latency
 * @param tenantLatency each tenant's latencies, in roster order
 * @param generatorCpu CPU time the generator's JVM used in the measured part
 * @param demoCpu CPU time the demo's JVM used in the measured part
 * @param schedule when the run's requests were due: its warm-up's ramp and its measured part
 * @param demoCpuByGroup the demo's CPU nanoseconds in the measured part by thread group ({@link
 *     ThreadCpu}: {@code jetty qtp}, {@code jit}, {@code gc}, ...), empty where not readable
 */
public record RunResult(
    String name,
    double targetRate,
    Duration measured,
    Duration elapsed,
    long sent,
    long[][] byKind,
    long[][] byTenant,
    Histogram latency,
    List<Histogram> tenantLatency,
    Duration generatorCpu,
    Duration demoCpu,
    RampSchedule schedule,
    Map<String, Long> demoCpuByGroup) {
  /** Checks presence. */
  public RunResult {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(measured, "measured");
    Objects.requireNonNull(elapsed, "elapsed");
    Objects.requireNonNull(latency, "latency");
    Objects.requireNonNull(schedule, "schedule");
    tenantLatency = List.copyOf(tenantLatency);
    demoCpuByGroup = Collections.unmodifiableMap(new TreeMap<>(demoCpuByGroup));
  }

  /** Returns how many measured requests ended as {@code outcome}. */
  public long count(Outcome outcome) {
    long n = 0;
    for (long[] row : byKind) {
      n += row[outcome.ordinal()];
    }
    return n;
  }

  /** Returns how many measured requests of {@code kind} ended as {@code outcome}. */
  public long count(RequestKind kind, Outcome outcome) {
    return byKind[kind.ordinal()][outcome.ordinal()];
  }

  /** Returns how many measured requests completed, answered or not. */
  public long completed() {
    long n = 0;
    for (Outcome o : Outcome.values()) {
      n += count(o);
    }
    return n;
  }

  /** Returns answered requests per second, from the first measured start to the last answer. */
  public double throughput() {
    return completed() / (elapsed.toNanos() / 1e9);
  }

  /** Returns the generator's share of the CPU both JVMs used, 0 to 1. */
  public double generatorCpuShare() {
    double total = generatorCpu.toNanos() + (double) demoCpu.toNanos();
    return total == 0 ? 0 : generatorCpu.toNanos() / total;
  }

  /**
   * Returns the generator's CPU time per completed request, in microseconds: what sending,
   * receiving and recording one request cost the machine besides the demo.
   */
  public double generatorCpuMicrosPerRequest() {
    return completed() == 0 ? 0 : generatorCpu.toNanos() / 1e3 / completed();
  }

  /** Returns the demo's CPU time per completed request, in microseconds. */
  public double demoCpuMicrosPerRequest() {
    return completed() == 0 ? 0 : demoCpu.toNanos() / 1e3 / completed();
  }

  /**
   * Returns the demo's CPU time per completed request by thread group, in microseconds, the largest
   * first; empty where the groups were not readable.
   */
  public Map<String, Double> demoCpuMicrosPerRequestByGroup() {
    return ThreadCpu.microsPerRequest(demoCpuByGroup, completed());
  }

  /**
   * Returns the JIT compilers' share of the demo's CPU by thread group in the measured part, 0 to 1
   * (0 where the groups were not readable): what the measured part still paid for compilation.
   */
  public double jitShare() {
    long sum = demoCpuByGroup.values().stream().mapToLong(Long::longValue).sum();
    return sum == 0 ? 0 : demoCpuByGroup.getOrDefault(ThreadCpu.JIT, 0L) / (double) sum;
  }
}
