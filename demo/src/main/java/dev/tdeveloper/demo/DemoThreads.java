package dev.tdeveloper.demo;

import java.util.Map;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The request thread pool of the demo's Jetty server. Jetty's default of 200 threads suits
 * applications that block for long on remote calls; the demo's requests are CPU work plus short
 * forced writes, so hundreds of runnable threads on a few cores only add context switches and queue
 * on the same locks. The default here is {@value #PER_CORE} threads per available core (at least
 * {@value #MIN_DEFAULT}); {@value #MAX_THREADS_ENV} overrides it.
 */
final class DemoThreads {
  /** Environment variable naming the maximum number of request threads. */
  static final String MAX_THREADS_ENV = "DEMO_MAX_THREADS";

  static final int PER_CORE = 16;
  static final int MIN_DEFAULT = 32;
  static final int MIN_ALLOWED = 8;
  static final int MAX_ALLOWED = 10_000;

  private DemoThreads() {}

  /** A pool of {@link #maxThreads(Map, int)} threads for the given environment. */
  static QueuedThreadPool pool(Map<String, String> env) {
    int max = maxThreads(env, Runtime.getRuntime().availableProcessors());
    QueuedThreadPool pool = new QueuedThreadPool(max, Math.min(8, max));
    pool.setName("qtp-demo");
    return pool;
  }

  /**
   * The maximum number of request threads: {@value #MAX_THREADS_ENV} when set, else {@value
   * #PER_CORE} per core and at least {@value #MIN_DEFAULT}.
   *
   * @throws IllegalArgumentException naming the variable, its value and the allowed range when it
   *     is not a whole number from {@value #MIN_ALLOWED} to {@value #MAX_ALLOWED}
   */
  static int maxThreads(Map<String, String> env, int cores) {
    String value = env.get(MAX_THREADS_ENV);
    if (value == null) {
      return Math.max(MIN_DEFAULT, PER_CORE * cores);
    }
    try {
      int n = Integer.parseInt(value.strip());
      if (n >= MIN_ALLOWED && n <= MAX_ALLOWED) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        MAX_THREADS_ENV
            + ": "
            + value
            + "; allowed: a whole number of request threads from "
            + MIN_ALLOWED
            + " to "
            + MAX_ALLOWED);
  }
}
