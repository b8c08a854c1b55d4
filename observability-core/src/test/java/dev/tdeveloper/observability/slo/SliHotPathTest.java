package dev.tdeveloper.observability.slo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class SliHotPathTest {
  final ManualClock clock = new ManualClock();
  final Slo slo = Slo.builder("availability").objective(0.999).build();
  final TenantId acme = TenantId.of("acme");

  @Test
  void recordingAllocatesNothing() {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    SliRecorder recorder = SliRecorder.create(clock, List.of(slo));
    SliSeries series = recorder.series(slo, acme);
    for (int i = 0; i < 20_000; i++) { // warm up
      series.record(i % 3 != 0);
      recorder.record(slo, acme, true);
    }
    long id = Thread.currentThread().getId();
    long before = threads.getThreadAllocatedBytes(id);
    for (int i = 0; i < 1_000_000; i++) {
      series.record(i % 3 != 0);
      recorder.record(slo, acme, true);
    }
    long allocated = threads.getThreadAllocatedBytes(id) - before;
    assertThat(allocated).as("bytes allocated by 2,000,000 records").isLessThan(4096);
    assertThat(series.counts(Duration.ofMinutes(1)).total()).isEqualTo(2_040_000);
  }

  @Test
  void scheduledTaskEvaluatesAndListenerFailureDoesNotEscape() throws Exception {
    SliRecorder recorder = SliRecorder.create(clock, List.of(slo));
    recorder.record(slo, acme, true);
    AtomicReference<Runnable> task = new AtomicReference<>();
    ScheduledThreadPoolExecutor executor =
        new ScheduledThreadPoolExecutor(1) {
          @Override
          public ScheduledFuture<?> scheduleAtFixedRate(
              Runnable command, long initialDelay, long period, TimeUnit unit) {
            task.set(command);
            assertThat(unit.toMillis(period)).isEqualTo(30_000);
            return super.scheduleAtFixedRate(() -> {}, initialDelay, period, unit);
          }
        };
    try {
      BurnRateEvaluator evaluator =
          BurnRateEvaluator.create(
              recorder,
              a -> {
                throw new IllegalStateException("down");
              });
      ScheduledFuture<?> future = evaluator.schedule(executor, Duration.ofSeconds(30));
      task.get().run();
      assertThat(evaluator.snapshot()).hasSize(1);
      assertThatThrownBy(() -> evaluator.schedule(executor, Duration.ofMinutes(2)))
          .hasMessage("period: PT2M is not allowed; allowed: 1 second to 1 minute");
      assertThatThrownBy(() -> BurnRateEvaluator.create(recorder, a -> {}, 0))
          .hasMessageContaining("historyLength: 0");
      future.cancel(false);
    } finally {
      executor.shutdownNow();
    }
  }
}
