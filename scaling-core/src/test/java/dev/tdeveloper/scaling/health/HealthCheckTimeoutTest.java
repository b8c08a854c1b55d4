package dev.tdeveloper.scaling.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.tenancy.internal.Listeners;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Timeouts and shared runs, driven by latches: the test thread never sleeps. */
class HealthCheckTimeoutTest {
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final CountDownLatch release = new CountDownLatch(1);

  @AfterEach
  void stop() {
    release.countDown();
    executor.shutdownNow();
  }

  @Test
  void aRunThatOverstaysItsTimeoutIsDownAndInterrupted() throws Exception {
    CountDownLatch interrupted = new CountDownLatch(1);
    HealthCheck hangs =
        () -> {
          try {
            release.await();
          } catch (InterruptedException e) {
            interrupted.countDown();
            throw e;
          }
          return HealthResult.up();
        };
    try (HealthCheckRegistry registry =
        HealthCheckRegistry.builder()
            .executor(executor)
            .check("slow", hangs, CheckSettings.defaults().withTimeout(Duration.ofMillis(50)))
            .check("fast", HealthResult::up)
            .readiness("slow", "fast")
            .build()) {
      HealthReport report = registry.report("readiness");
      assertThat(report.status()).isEqualTo(HealthStatus.DOWN);
      assertThat(report.components().get("slow").error()).contains("timed out after 50 ms");
      assertThat(report.components().get("fast").status()).isEqualTo(HealthStatus.UP);
      assertThat(interrupted.await(10, TimeUnit.SECONDS)).isTrue();
    }
  }

  @Test
  void aTimedOutRunThatIgnoresInterruptsIsNotStartedAgainUntilItEnds() throws Exception {
    AtomicInteger runs = new AtomicInteger();
    AtomicReference<Thread> stuckOn = new AtomicReference<>();
    CountDownLatch freed = new CountDownLatch(1);
    // The stuck run frees its check on its worker thread just before the task returns: the
    // executor says when that thread's task is over, so the next report finds the check free.
    ExecutorService tracking =
        new ThreadPoolExecutor(0, 4, 1, TimeUnit.MINUTES, new SynchronousQueue<>()) {
          @Override
          protected void afterExecute(Runnable task, Throwable failure) {
            if (Thread.currentThread() == stuckOn.get()) {
              freed.countDown();
            }
          }
        };
    HealthCheck stubborn =
        () -> {
          if (runs.incrementAndGet() == 1) {
            stuckOn.set(Thread.currentThread());
          }
          boolean done = false;
          while (!done) {
            try {
              release.await();
              done = true;
            } catch (InterruptedException ignored) {
              // a badly written check: it keeps waiting
            }
          }
          return HealthResult.up();
        };
    try (HealthCheckRegistry registry =
        HealthCheckRegistry.builder()
            .executor(tracking)
            .check("stuck", stubborn, CheckSettings.defaults().withTimeout(Duration.ofMillis(20)))
            .liveness("stuck")
            .build()) {
      assertThat(registry.report("liveness").components().get("stuck").error())
          .contains("timed out after 20 ms");
      HealthReport again = registry.report("liveness");
      assertThat(again.components().get("stuck").error())
          .contains("timed out after 20 ms; that run is still going");
      assertThat(runs).hasValue(1);
      release.countDown();
      assertThat(freed.await(10, TimeUnit.SECONDS)).isTrue();
      HealthReport recovered = registry.report("liveness");
      assertThat(recovered.status()).isEqualTo(HealthStatus.UP);
      assertThat(runs).hasValue(2);
    } finally {
      tracking.shutdownNow();
    }
  }

  @Test
  void concurrentCallersOfAnExpiredCheckShareOneRun() throws Exception {
    AtomicInteger runs = new AtomicInteger();
    CountDownLatch entered = new CountDownLatch(1);
    HealthCheck gated = gated(runs, entered);
    CheckRunner runner =
        new CheckRunner(
            "db",
            gated,
            CheckSettings.defaults(),
            executor,
            new ManualClock(),
            new StatusTracker(
                HealthChanged.Kind.CHECK, "db", Listeners.none(), InstantSource.system()));
    CompletableFuture<CheckRunner.Sample> first = runner.current();
    assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
    CompletableFuture<CheckRunner.Sample> second = runner.current();
    assertThat(second).isSameAs(first);
    release.countDown();
    assertThat(first.get(10, TimeUnit.SECONDS).result().status()).isEqualTo(HealthStatus.UP);
    assertThat(runs).hasValue(1);
  }

  @Test
  void manyThreadsReportingAtOnceRunACachedCheckOnce() throws Exception {
    AtomicInteger runs = new AtomicInteger();
    CountDownLatch entered = new CountDownLatch(1);
    HealthCheck gated = gated(runs, entered);
    try (HealthCheckRegistry registry =
        HealthCheckRegistry.builder()
            .executor(executor)
            .check("db", gated, CheckSettings.defaults().withCacheTtl(Duration.ofMinutes(1)))
            .readiness("db")
            .build()) {
      ExecutorService callers = Executors.newFixedThreadPool(8);
      try {
        List<Future<HealthReport>> reports = new ArrayList<>();
        reports.add(callers.submit(() -> registry.report("readiness")));
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
        for (int i = 0; i < 7; i++) {
          reports.add(callers.submit(() -> registry.report("readiness")));
        }
        release.countDown();
        for (Future<HealthReport> report : reports) {
          assertThat(report.get(10, TimeUnit.SECONDS).status()).isEqualTo(HealthStatus.UP);
        }
      } finally {
        callers.shutdownNow();
      }
      assertThat(runs).hasValue(1);
    }
  }

  /** A check that counts its runs, says it has started, then waits for {@link #release}. */
  private HealthCheck gated(AtomicInteger runs, CountDownLatch entered) {
    return () -> {
      runs.incrementAndGet();
      entered.countDown();
      release.await();
      return HealthResult.up();
    };
  }
}
