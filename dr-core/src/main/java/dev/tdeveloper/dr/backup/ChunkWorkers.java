package dev.tdeveloper.dr.backup;

import dev.tdeveloper.dr.DrException;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The worker threads of one backup or restore, which seal, store or open chunks while the calling
 * thread reads or writes files. There are as many threads as the larger of the engine's parallelism
 * and the store's {@linkplain dev.tdeveloper.dr.spi.BackupStore#ioConcurrency I/O concurrency}, so
 * a remote store has that many requests in flight, while the CPU-bound part of a task ({@link
 * #compute}: compressing and sealing, or opening) runs on at most parallelism threads at once.
 * {@link #execute} blocks while {@link #capacity()} tasks are unfinished, so the chunks in flight,
 * and the memory they hold, stay bounded whatever the size of the source. The first failure of an
 * executed task is kept and thrown by the next {@link #execute} and by {@link #finish()}. Driven by
 * one thread; {@link #close()} stops the workers and waits for them, so nothing runs after it
 * returns.
 */
final class ChunkWorkers implements AutoCloseable {
  private final ExecutorService executor;
  private final int capacity;
  private final Semaphore slots;
  private final Semaphore cpu;
  private final AtomicReference<RuntimeException> failure = new AtomicReference<>();

  ChunkWorkers(int parallelism, int ioConcurrency, String name) {
    int workers = Math.max(parallelism, ioConcurrency);
    this.capacity = 2 * workers;
    this.slots = new Semaphore(capacity);
    this.cpu = new Semaphore(parallelism);
    AtomicInteger threads = new AtomicInteger();
    this.executor =
        Executors.newFixedThreadPool(
            workers,
            task -> {
              Thread thread = new Thread(task, name + "-" + threads.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
  }

  /**
   * Runs the CPU-bound {@code work} of a task once fewer than parallelism tasks are in theirs, and
   * returns its result.
   *
   * @throws DrException if interrupted while waiting
   */
  <T> T compute(Supplier<T> work) {
    try {
      cpu.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DrException("interrupted while waiting for a processor", e);
    }
    try {
      return work.get();
    } finally {
      cpu.release();
    }
  }

  /** Returns how many tasks may be in flight at once: twice the number of threads. */
  int capacity() {
    return capacity;
  }

  /**
   * Runs {@code task} on a worker once fewer than {@link #capacity()} tasks are unfinished.
   *
   * @throws RuntimeException the first failure of an earlier task, if any
   * @throws DrException if interrupted while waiting
   */
  void execute(Runnable task) {
    rethrowFailure();
    acquire(1);
    executor.execute(
        () -> {
          try {
            task.run();
          } catch (RuntimeException e) {
            failure.compareAndSet(null, e);
          } catch (Error e) {
            failure.compareAndSet(null, new DrException("a chunk worker failed: " + e, e));
            throw e;
          } finally {
            slots.release();
          }
        });
  }

  /**
   * Starts {@code task} on a worker and returns its future; the caller bounds how many it keeps
   * pending (to {@link #capacity()}).
   */
  <T> Future<T> submit(Callable<T> task) {
    return executor.submit(task);
  }

  /**
   * Waits until every executed task finished.
   *
   * @throws RuntimeException the first failure of a task, if any
   * @throws DrException if interrupted while waiting
   */
  void finish() {
    acquire(capacity);
    slots.release(capacity);
    rethrowFailure();
  }

  private void rethrowFailure() {
    RuntimeException failed = failure.get();
    if (failed != null) {
      throw failed;
    }
  }

  private void acquire(int permits) {
    try {
      slots.acquire(permits);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DrException("interrupted while waiting for the chunk workers", e);
    }
  }

  /** Stops the workers (interrupting running tasks) and waits until none runs. */
  @Override
  public void close() {
    executor.shutdownNow();
    boolean interrupted = false;
    while (true) {
      try {
        if (executor.awaitTermination(1, TimeUnit.MINUTES)) {
          break;
        }
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
