package dev.tdeveloper.benchmarks.observability;

import dev.tdeveloper.observability.slo.SliRecorder;
import dev.tdeveloper.observability.slo.SliSeries;
import dev.tdeveloper.observability.slo.Slo;
import dev.tdeveloper.tenancy.TenantId;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Recording one SLI event next to incrementing a Micrometer {@link Counter} (from a {@link
 * SimpleMeterRegistry}), single-threaded; run with {@code -prof gc} for B/op (goal: at most 1.5x
 * the counter's cost and 0 B/op). {@code tdeveloperRecord} uses a resolved {@link SliSeries}
 * handle, {@code tdeveloperRecordByTenant} looks the series up by {@link TenantId} on each call,
 * {@code tdeveloperRecordLatency} classifies a latency against the threshold.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SliRecordBenchmark {
  private Slo availability;
  private SliRecorder recorder;
  private SliSeries series;
  private SliSeries latencySeries;
  private TenantId tenant;
  private Counter counter;
  private long latencyNanos;

  @Setup
  public void setUp() {
    availability = Slo.builder("availability").objective(0.999).build();
    Slo latency = Slo.builder("latency").objective(0.99).latency(Duration.ofMillis(300)).build();
    recorder = SliRecorder.create(Clock.systemUTC(), List.of(availability, latency));
    tenant = TenantId.of("acme");
    series = recorder.series(availability, tenant);
    latencySeries = recorder.series(latency, tenant);
    for (int i = 0; i < 100; i++) {
      recorder.series(availability, TenantId.of("tenant-" + i));
    }
    counter = Counter.builder("requests").tag("tenant", "acme").register(new SimpleMeterRegistry());
    latencyNanos = Duration.ofMillis(120).toNanos();
  }

  @Benchmark
  public void tdeveloperRecord() {
    series.record(true);
  }

  @Benchmark
  public void tdeveloperRecordByTenant() {
    recorder.record(availability, tenant, true);
  }

  @Benchmark
  public void tdeveloperRecordLatency() {
    latencySeries.recordLatencyNanos(latencyNanos);
  }

  @Benchmark
  public void micrometerCounterIncrement() {
    counter.increment();
  }
}
