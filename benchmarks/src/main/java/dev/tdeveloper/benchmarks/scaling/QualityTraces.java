package dev.tdeveloper.benchmarks.scaling;

import dev.tdeveloper.scaling.simulation.TraceGenerators;
import dev.tdeveloper.scaling.simulation.WorkloadTrace;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The five synthetic traces of the comparison, at one-minute resolution from a Monday 00:00 UTC,
 * sized for a service of tens of replicas at the {@link ClusterProfile#jvmService()} capacity.
 * Stateless and thread-safe.
 */
public final class QualityTraces {
  /** The first point of every trace: a Monday, so the weekly trace's weekends are days 6-7. */
  public static final Instant START = Instant.parse("2026-01-05T00:00:00Z");

  private QualityTraces() {}

  /**
   * Generates the traces.
   *
   * @param days how long each trace is
   * @param seed the seed of every generator
   * @return diurnal, weekly, spike, ramp and noisy, in that order
   */
  public static Map<String, WorkloadTrace> all(int days, long seed) {
    TraceGenerators.Span span =
        new TraceGenerators.Span(START, Duration.ofDays(days), Duration.ofMinutes(1), seed);
    Map<String, WorkloadTrace> traces = new LinkedHashMap<>();
    traces.put("diurnal", TraceGenerators.diurnal(span, 200, 2000));
    traces.put("weekly", TraceGenerators.weekly(span, 200, 2000, 0.4));
    traces.put("spike", TraceGenerators.spike(span, 500));
    traces.put("ramp", TraceGenerators.ramp(span, 200, 2000));
    traces.put("noisy", TraceGenerators.noisy(span, 1000, 0.05));
    return traces;
  }
}
