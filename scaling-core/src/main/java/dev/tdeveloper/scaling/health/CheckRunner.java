package dev.tdeveloper.scaling.health;

import dev.tdeveloper.tenancy.time.Ticker;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs one registered check: at most one run at a time (concurrent callers share it), a result
 * reused while younger than the TTL, a run that overstays its timeout answered DOWN and
 * interrupted. While a timed-out run still occupies its thread (a check that ignores interrupts),
 * no second run is started: callers get DOWN at once instead of piling up threads.
 */
final class CheckRunner {
  /** One finished run: the result, the ticker time it ended, how long it took. */
  record Sample(HealthResult result, long endedAt, Duration duration) {}

  private final String name;
  private final HealthCheck check;
  private final CheckSettings settings;
  private final ExecutorService executor;
  private final Ticker ticker;
  private final StatusTracker tracker;
  private final Object lock = new Object();
  private Sample cached;
  private CompletableFuture<Sample> inFlight;
  private boolean occupied;
  private long finished;

  CheckRunner(
      String name,
      HealthCheck check,
      CheckSettings settings,
      ExecutorService executor,
      Ticker ticker,
      StatusTracker tracker) {
    this.name = name;
    this.check = check;
    this.settings = settings;
    this.executor = executor;
    this.ticker = ticker;
    this.tracker = tracker;
  }

  CheckSettings settings() {
    return settings;
  }

  /** Returns the cached result, the run in flight, or a new run; never completes exceptionally. */
  CompletableFuture<Sample> current() {
    CompletableFuture<Sample> attempt;
    long started = ticker.read();
    boolean blocked;
    synchronized (lock) {
      if (cached != null && started - cached.endedAt() < settings.cacheTtl().toNanos()) {
        return CompletableFuture.completedFuture(cached);
      }
      if (inFlight != null) {
        return inFlight;
      }
      attempt = new CompletableFuture<>();
      inFlight = attempt;
      blocked = occupied;
      occupied = true;
    }
    if (blocked) {
      finish(attempt, started, HealthResult.down(timeoutMessage() + "; that run is still going"));
      return attempt;
    }
    AtomicBoolean released = new AtomicBoolean();
    try {
      Future<?> task = executor.submit(() -> run(attempt, started, released));
      CompletableFuture.delayedExecutor(settings.timeout().toNanos(), TimeUnit.NANOSECONDS)
          .execute(
              () -> {
                if (finish(attempt, started, HealthResult.down(timeoutMessage()))) {
                  task.cancel(true);
                }
              });
    } catch (RejectedExecutionException e) {
      release(released);
      finish(attempt, started, HealthResult.down("health check executor rejected the run: " + e));
    }
    return attempt;
  }

  private void run(CompletableFuture<Sample> attempt, long started, AtomicBoolean released) {
    try {
      HealthResult result;
      try {
        result = check.check();
        if (result == null) {
          result = HealthResult.down("check '" + name + "' returned null");
        }
      } catch (Exception | LinkageError | AssertionError e) {
        result = HealthResult.down(describe(e));
      }
      // Free the check before completing, so a caller woken by the result can start the next run.
      release(released);
      finish(attempt, started, result);
    } finally {
      release(released);
    }
  }

  private void release(AtomicBoolean released) {
    if (released.compareAndSet(false, true)) {
      synchronized (lock) {
        occupied = false;
      }
    }
  }

  /** Completes {@code attempt} unless already done; returns whether this call completed it. */
  private boolean finish(CompletableFuture<Sample> attempt, long started, HealthResult result) {
    long ended = ticker.read();
    Sample sample = new Sample(result, ended, Duration.ofNanos(Math.max(0, ended - started)));
    long sequence;
    synchronized (lock) {
      if (inFlight != attempt) {
        return false; // the other of run and timeout came first
      }
      cached = sample;
      sequence = ++finished;
      inFlight = null;
    }
    // The check's event goes out before any waiter wakes, so it precedes its group's event.
    tracker.observe(sequence, result.status());
    attempt.complete(sample);
    return true;
  }

  private String timeoutMessage() {
    return "timed out after " + settings.timeout().toMillis() + " ms";
  }

  private static String describe(Throwable e) {
    return e.getMessage() == null
        ? e.getClass().getName()
        : e.getClass().getName() + ": " + e.getMessage();
  }
}
