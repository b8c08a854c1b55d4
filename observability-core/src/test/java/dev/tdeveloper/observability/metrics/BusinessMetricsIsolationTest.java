package dev.tdeveloper.observability.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class BusinessMetricsIsolationTest {
  /**
   * Without demotions (top N covers every tenant) each tenant's series holds exactly its own
   * increments, whatever the interleaving.
   */
  @Property(tries = 100)
  void oneTenantsIncrementsNeverShowUnderAnother(
      @ForAll @Size(max = 200) List<@IntRange(min = 0, max = 9) Integer> tenants,
      @ForAll @Size(max = 200) List<@IntRange(min = 0, max = 1000) Integer> amounts) {
    BusinessMetrics metrics =
        BusinessMetrics.builder()
            .guard(TenantCardinalityGuard.builder().topTenants(10).clock(new ManualClock()).build())
            .counter("notes_created_total", "Notes created", "notes")
            .build();
    Map<String, Long> expected = new HashMap<>();
    for (int i = 0; i < Math.min(tenants.size(), amounts.size()); i++) {
      String id = "tenant-" + tenants.get(i);
      metrics.increment("notes_created_total", TenantId.of(id), amounts.get(i));
      expected.merge(id, (long) amounts.get(i), Long::sum);
    }
    MetricsSnapshot.Metric notes = metrics.snapshot().metric("notes_created_total").orElseThrow();
    assertThat(notes.series()).hasSize(expected.size());
    for (MetricsSnapshot.Series s : notes.series()) {
      assertThat(s.value()).isEqualTo(expected.get(s.tenant()).doubleValue());
    }
  }

  @Test
  void concurrentRecordingAcrossReranksLosesNothing() throws Exception {
    ManualClock clock = new ManualClock();
    TenantCardinalityGuard guard =
        TenantCardinalityGuard.builder().topTenants(5).clock(clock).build();
    BusinessMetrics metrics =
        BusinessMetrics.builder()
            .guard(guard)
            .counter("events_total", "Events", "events")
            .gauge("open_sessions", "Open sessions", "sessions")
            .build();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      Future<?>[] workers = new Future<?>[4];
      for (int w = 0; w < workers.length; w++) {
        int seed = w;
        workers[w] =
            pool.submit(
                () -> {
                  for (int i = 0; i < 20_000; i++) {
                    TenantId tenant = TenantId.of("t-" + ((i + seed) % (1 + i % 40)));
                    metrics.increment("events_total", tenant, 2);
                    metrics.add("open_sessions", tenant, 1);
                    metrics.add("open_sessions", tenant, -0.5);
                    if (seed == 0 && i % 1_000 == 0) {
                      clock.advance(Duration.ofMinutes(1));
                    }
                  }
                });
      }
      for (Future<?> worker : workers) {
        worker.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    MetricsSnapshot snapshot = metrics.snapshot();
    for (MetricsSnapshot.Metric metric : snapshot.metrics()) {
      assertThat(metric.series()).hasSizeLessThanOrEqualTo(6);
    }
    assertThat(sum(snapshot, "events_total")).isEqualTo(4 * 20_000 * 2);
    assertThat(sum(snapshot, "open_sessions")).isEqualTo(4 * 20_000 * 0.5);
  }

  private static double sum(MetricsSnapshot snapshot, String name) {
    return snapshot.metric(name).orElseThrow().series().stream()
        .mapToDouble(MetricsSnapshot.Series::value)
        .sum();
  }
}
