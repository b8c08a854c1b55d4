package dev.tdeveloper.benchmarks.observability;

import dev.tdeveloper.observability.slo.BurnRateEvaluator;
import dev.tdeveloper.observability.slo.SliRecorder;
import dev.tdeveloper.observability.slo.SliSeries;
import dev.tdeveloper.observability.slo.Slo;
import dev.tdeveloper.tenancy.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One burn-rate evaluation round for 1,000 tenants x 3 SLOs (30-day availability, 28-day latency,
 * 7-day time slices), each series pre-filled with 3 days of traffic (a few tenants burning): every
 * round advances the clock one minute, so it also opens a minute and folds one into its hour in
 * every series. Reported in µs per round.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class BurnRateBenchmark {
  private static final int TENANTS = 1_000;

  private final AtomicLong millis = new AtomicLong();
  private BurnRateEvaluator evaluator;

  @Setup
  public void setUp() {
    millis.set(Instant.parse("2026-01-01T00:00:00Z").toEpochMilli());
    InstantSource clock = () -> Instant.ofEpochMilli(millis.get());
    List<Slo> slos =
        List.of(
            Slo.builder("availability").objective(0.999).build(),
            Slo.builder("latency")
                .objective(0.99)
                .windowDays(28)
                .latency(Duration.ofMillis(300))
                .build(),
            Slo.builder("uptime")
                .objective(0.995)
                .windowDays(7)
                .timeslices(Duration.ofMinutes(1), 0.95)
                .build());
    SliRecorder recorder = SliRecorder.create(clock, slos);
    List<SliSeries> all = new ArrayList<>();
    for (int t = 0; t < TENANTS; t++) {
      for (Slo slo : slos) {
        all.add(recorder.series(slo, TenantId.of("tenant-" + t)));
      }
    }
    evaluator = BurnRateEvaluator.create(recorder, alert -> {});
    for (int minute = 0; minute < 3 * 24 * 60; minute++) {
      for (int i = 0; i < all.size(); i++) {
        all.get(i).record(100, i % 97 == 0 ? 5 : 0);
      }
      millis.addAndGet(60_000);
      recorder.advance();
    }
    evaluator.evaluate();
  }

  @Benchmark
  public void tdeveloperEvaluationRound() {
    millis.addAndGet(60_000);
    evaluator.evaluate();
  }
}
