package dev.tdeveloper.security.ratelimit;

import java.util.concurrent.TimeUnit;

/**
 * How a blocking {@link RateLimiter#acquire} waits for its reserved permits. The default sleeps the
 * thread; tests pass one that advances a manual clock instead, so they never sleep. Thread-safe.
 */
@FunctionalInterface
public interface Sleeper {
  /**
   * Waits {@code nanos} nanoseconds.
   *
   * @throws InterruptedException if the thread is interrupted while waiting
   */
  void sleepNanos(long nanos) throws InterruptedException;

  /** Returns the sleeper that parks the calling thread. */
  static Sleeper system() {
    return TimeUnit.NANOSECONDS::sleep;
  }
}
