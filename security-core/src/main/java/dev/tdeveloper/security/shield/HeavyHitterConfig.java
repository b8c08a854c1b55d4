package dev.tdeveloper.security.shield;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of a {@link HeavyHitterDetector}: a key is heavy when it makes more than {@code
 * threshold} events within {@code window}. The window is a ring of {@code buckets} sub-windows (it
 * slides one bucket at a time), and each bucket tracks at most {@code capacity} keys, whatever the
 * number of distinct keys seen — so memory is bounded by {@code capacity * buckets} counters.
 *
 * <p>Space-Saving guarantees that every key with more than {@code events / capacity} events in a
 * bucket is tracked, so choose {@code capacity} above {@code events per bucket / threshold per
 * bucket}. Immutable.
 *
 * @param threshold the most events a key may make in a window without being heavy (1 or more)
 * @param window the sliding window (at least one millisecond per bucket)
 * @param buckets the sub-windows of the ring ({@value #MIN_BUCKETS} to {@value #MAX_BUCKETS})
 * @param capacity the keys tracked per bucket ({@value #MIN_CAPACITY} to {@value #MAX_CAPACITY})
 */
public record HeavyHitterConfig(long threshold, Duration window, int buckets, int capacity) {
  /** The default number of buckets: {@value}, so a 60 s window slides in 10 s steps. */
  public static final int DEFAULT_BUCKETS = 6;

  /** The default keys tracked per bucket: {@value}. */
  public static final int DEFAULT_CAPACITY = 1024;

  /** The fewest buckets: {@value}. */
  public static final int MIN_BUCKETS = 2;

  /** The most buckets: {@value}. */
  public static final int MAX_BUCKETS = 120;

  /** The smallest capacity: {@value}. */
  public static final int MIN_CAPACITY = 16;

  /** The largest capacity: {@value}. */
  public static final int MAX_CAPACITY = 1 << 20;

  /**
   * Validates the settings.
   *
   * @throws IllegalArgumentException naming the field, its value and the allowed range
   */
  public HeavyHitterConfig {
    Objects.requireNonNull(window, "window");
    if (threshold < 1) {
      throw new IllegalArgumentException("threshold must be at least 1, was " + threshold);
    }
    if (buckets < MIN_BUCKETS || buckets > MAX_BUCKETS) {
      throw new IllegalArgumentException(
          "buckets must be " + MIN_BUCKETS + " to " + MAX_BUCKETS + ", was " + buckets);
    }
    if (capacity < MIN_CAPACITY || capacity > MAX_CAPACITY) {
      throw new IllegalArgumentException(
          "capacity must be " + MIN_CAPACITY + " to " + MAX_CAPACITY + ", was " + capacity);
    }
    Duration shortest = Duration.ofMillis(buckets);
    if (window.compareTo(shortest) < 0 || window.compareTo(Duration.ofDays(1)) > 0) {
      throw new IllegalArgumentException(
          "window must be "
              + shortest
              + " (1 ms per bucket) to P1D, was "
              + window
              + " with "
              + buckets
              + " buckets");
    }
  }

  /**
   * Returns settings flagging keys with more than {@code threshold} events per {@code window}, with
   * {@value #DEFAULT_BUCKETS} buckets of {@value #DEFAULT_CAPACITY} keys.
   */
  public static HeavyHitterConfig of(long threshold, Duration window) {
    return new HeavyHitterConfig(threshold, window, DEFAULT_BUCKETS, DEFAULT_CAPACITY);
  }

  /** Returns a copy with {@code buckets} sub-windows. */
  public HeavyHitterConfig withBuckets(int buckets) {
    return new HeavyHitterConfig(threshold, window, buckets, capacity);
  }

  /** Returns a copy tracking {@code capacity} keys per bucket. */
  public HeavyHitterConfig withCapacity(int capacity) {
    return new HeavyHitterConfig(threshold, window, buckets, capacity);
  }

  /** Returns the length of one bucket in nanoseconds (the window divided by the buckets). */
  public long bucketNanos() {
    return window.toNanos() / buckets;
  }
}
