package dev.tdeveloper.tenancy.time;

/**
 * A source of monotonic nanosecond time, for measuring durations and refilling rate limits. Wall
 * time, where it is needed, is taken from a {@link java.time.InstantSource}. Every time-dependent
 * type of the suite takes one of the two, so tests drive time by hand and never sleep.
 *
 * <p>Implementations must be thread-safe.
 */
@FunctionalInterface
public interface Ticker {
  /** Returns the current time in nanoseconds from an arbitrary fixed origin. */
  long read();

  /** Returns the ticker backed by {@link System#nanoTime()}. */
  static Ticker system() {
    return SystemTicker.INSTANCE;
  }
}
