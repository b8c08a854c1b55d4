package dev.tdeveloper.tenancy.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Runs a body on several threads released at the same instant, for concurrency tests: waits for all
 * of them (60 s at most) and rethrows the first failure. Thread-safe; no sleeping involved.
 */
public final class Concurrently {
  private Concurrently() {}

  /** What each thread runs; {@code thread} is its index from 0. */
  @FunctionalInterface
  public interface Body {
    /** Runs the work of thread {@code thread}. */
    void run(int thread) throws Exception;
  }

  /**
   * Runs {@code body} on {@code threads} threads started together.
   *
   * @throws Exception the first exception a thread threw (wrapped in an ExecutionException), or a
   *     timeout
   */
  public static void run(int threads, Body body) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  body.run(thread);
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> future : futures) {
        future.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
