package dev.tdeveloper.tenancy.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * When a local journal compacts itself and what it may drop: it compacts once its file reaches
 * {@code thresholdBytes} and has at least doubled since the last compaction (so a journal whose
 * live records alone exceed the threshold does not compact on every append), and drops finished
 * entries last updated more than {@code finishedRetention} before the clock's now.
 *
 * <p>Immutable and thread-safe.
 *
 * @param thresholdBytes the file size that triggers compaction
 * @param finishedRetention how long finished entries are kept after their last update
 * @param clock the wall clock measuring that retention
 * @param hook told each compaction step (crash tests pause there); does nothing normally
 */
public record Compaction(
    long thresholdBytes, Duration finishedRetention, InstantSource clock, Consumer<String> hook) {
  /** The default threshold: {@value} bytes (1 MiB). */
  public static final long DEFAULT_THRESHOLD_BYTES = 1L << 20;

  /** The smallest threshold: {@value} bytes. */
  public static final long MIN_THRESHOLD_BYTES = 1024;

  /** The default retention of finished entries: 30 days. */
  public static final Duration DEFAULT_FINISHED_RETENTION = Duration.ofDays(30);

  /**
   * Validates the settings.
   *
   * @throws IllegalArgumentException if the threshold is below {@link #MIN_THRESHOLD_BYTES} or the
   *     retention is negative
   */
  public Compaction {
    Objects.requireNonNull(finishedRetention, "finishedRetention");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(hook, "hook");
    requireThreshold(thresholdBytes);
    requireRetention(finishedRetention);
  }

  /** Returns the defaults: system clock, no hook. */
  public static Compaction defaults() {
    return new Compaction(
        DEFAULT_THRESHOLD_BYTES, DEFAULT_FINISHED_RETENTION, InstantSource.system(), step -> {});
  }

  /** Checks a threshold, naming the allowed range. */
  public static long requireThreshold(long bytes) {
    if (bytes < MIN_THRESHOLD_BYTES) {
      throw new IllegalArgumentException(
          "compactionThresholdBytes must be at least " + MIN_THRESHOLD_BYTES + ", was " + bytes);
    }
    return bytes;
  }

  /** Checks a retention, which must not be negative. */
  public static Duration requireRetention(Duration retention) {
    Objects.requireNonNull(retention, "finishedRetention");
    if (retention.isNegative()) {
      throw new IllegalArgumentException(
          "finishedRetention must not be negative, was " + retention);
    }
    return retention;
  }

  /** Returns whether a file of {@code size} bytes, {@code compacted} after the last, is due. */
  public boolean due(long size, long compacted) {
    return size >= thresholdBytes && size >= 2 * compacted;
  }

  /** Returns the instant before which finished entries are dropped. */
  public Instant horizon() {
    return clock.instant().minus(finishedRetention);
  }
}
