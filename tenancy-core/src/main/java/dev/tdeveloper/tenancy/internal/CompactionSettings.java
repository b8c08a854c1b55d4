package dev.tdeveloper.tenancy.internal;

import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The settings a local journal's builder collects for its {@link Compaction}: each of threshold,
 * retention and clock may be given once, and what is not given takes {@link Compaction#defaults()}.
 * The public builders delegate here so their checks and messages are the same.
 *
 * <p>Not thread-safe: configure on one thread.
 */
public final class CompactionSettings {
  private Long thresholdBytes;
  private Duration finishedRetention;
  private InstantSource clock;
  private Consumer<String> hook;

  /**
   * Sets the compaction threshold.
   *
   * @throws IllegalArgumentException if below {@value Compaction#MIN_THRESHOLD_BYTES}
   * @throws IllegalStateException if already set
   */
  public void thresholdBytes(long bytes) {
    Compaction.requireThreshold(bytes);
    once(thresholdBytes, "compactionThresholdBytes");
    this.thresholdBytes = bytes;
  }

  /**
   * Sets the retention of finished entries.
   *
   * @throws IllegalArgumentException if negative
   * @throws IllegalStateException if already set
   */
  public void finishedRetention(Duration retention) {
    Compaction.requireRetention(retention);
    once(finishedRetention, "finishedRetention");
    this.finishedRetention = retention;
  }

  /**
   * Sets the clock the retention is measured with.
   *
   * @throws IllegalStateException if already set
   */
  public void clock(InstantSource clock) {
    Objects.requireNonNull(clock, "clock");
    once(this.clock, "clock");
    this.clock = clock;
  }

  /** Sets what is told each compaction step, for crash tests; may be replaced. */
  public void hook(Consumer<String> hook) {
    this.hook = Objects.requireNonNull(hook, "hook");
  }

  /** Returns the settings given, with the defaults for the rest. */
  public Compaction compaction() {
    Compaction defaults = Compaction.defaults();
    return new Compaction(
        thresholdBytes == null ? defaults.thresholdBytes() : thresholdBytes,
        finishedRetention == null ? defaults.finishedRetention() : finishedRetention,
        clock == null ? defaults.clock() : clock,
        hook == null ? defaults.hook() : hook);
  }

  private static void once(Object current, String name) {
    if (current != null) {
      throw new IllegalStateException(name + " was already set to " + current);
    }
  }
}
