package dev.tdeveloper.tenancy.testkit;

import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

/**
 * A step hook for the child JVM of a crash test: given to a store's or journal's compaction (or
 * other) hook, it lets every step pass except {@code stopAt}, where it announces {@code AT <step>}
 * on standard output and then holds the thread for good, so the parent, having read that line,
 * kills the child at exactly that point.
 *
 * <p>Thread-safe.
 */
public final class CrashPoint {
  private CrashPoint() {}

  /**
   * Returns a hook that stops for good at step {@code stopAt}.
   *
   * @throws NullPointerException if {@code stopAt} is null
   */
  public static Consumer<String> holdAt(String stopAt) {
    Objects.requireNonNull(stopAt, "stopAt");
    return step -> {
      if (step.equals(stopAt)) {
        System.out.println("AT " + step);
        System.out.flush();
        hold();
      }
    };
  }

  /** Blocks the calling thread until the process is killed (or the thread interrupted). */
  public static void hold() {
    try {
      new CountDownLatch(1).await(); // until killed
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
