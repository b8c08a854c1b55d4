package dev.tdeveloper.scaling.predictive;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * A memory-bounded ring of fixed time buckets holding, per bucket, the mean and the peak of the
 * load observed in it: the history a {@link SeasonalForecaster} learns from. Buckets are aligned to
 * the epoch (a 1 h bucket starts on the hour); the ring keeps the newest {@code retention / bucket}
 * buckets and forgets older ones, so memory is fixed at build time (14 days of 5-minute buckets
 * take about 100 KiB). {@link #record} is O(1) and allocation-free.
 *
 * <p>Gaps: a bucket with no observation is <em>missing</em>. {@link #series(Instant)} fills it with
 * the same bucket one day earlier when the series reaches back that far (traffic repeats daily far
 * better than it interpolates), else by linear interpolation between the nearest observed buckets
 * on each side; leading and trailing missing buckets are dropped, so a series always starts and
 * ends on an observed bucket.
 *
 * <p>Thread-safe: methods synchronize on this history.
 */
public final class LoadHistory {
  /** The default bucket duration, EC2 predictive scaling's hourly granularity: {@value} hour. */
  public static final int DEFAULT_BUCKET_HOURS = 1;

  /** The default retention: {@value} days, two weekly seasons. */
  public static final int DEFAULT_RETENTION_DAYS = 14;

  private static final long EMPTY = Long.MIN_VALUE;

  private final Duration bucket;
  private final long bucketMillis;
  private final Duration retention;
  private final long[] slotBucket;
  private final double[] sum;
  private final int[] count;
  private final double[] peak;
  private long newest = EMPTY;
  private long oldest = EMPTY;

  private LoadHistory(Duration bucket, Duration retention) {
    LoadSeries.checkBucket(bucket);
    checkRetention(bucket, retention);
    this.bucket = bucket;
    this.bucketMillis = bucket.toMillis();
    this.retention = retention;
    int slots = (int) (retention.toMillis() / bucketMillis);
    slotBucket = new long[slots];
    Arrays.fill(slotBucket, EMPTY);
    sum = new double[slots];
    count = new int[slots];
    peak = new double[slots];
  }

  static void checkRetention(Duration bucket, Duration retention) {
    Objects.requireNonNull(retention, "retention");
    long bucketMillis = bucket.toMillis();
    if (retention.compareTo(Duration.ofDays(1)) < 0
        || retention.toMillis() % bucketMillis != 0
        || retention.toMillis() / bucketMillis > 1_000_000) {
      throw new IllegalArgumentException(
          "retention: "
              + retention
              + " is not allowed with bucket "
              + bucket
              + "; allowed: at least 1 day, a whole number of buckets, at most 1,000,000 buckets");
    }
  }

  /**
   * A history with hourly buckets kept for 14 days, as EC2 predictive scaling.
   *
   * @return an empty history
   */
  public static LoadHistory hourly() {
    return of(Duration.ofHours(DEFAULT_BUCKET_HOURS), Duration.ofDays(DEFAULT_RETENTION_DAYS));
  }

  /**
   * A history with the given bucket and retention.
   *
   * @param bucket the bucket duration: at least 1 s, whole milliseconds, dividing a day evenly
   * @param retention how far back buckets are kept: at least 1 day and a whole number of buckets
   * @return an empty history
   * @throws IllegalArgumentException naming the bad value
   */
  public static LoadHistory of(Duration bucket, Duration retention) {
    return new LoadHistory(bucket, retention);
  }

  /**
   * The bucket duration.
   *
   * @return the duration of one bucket
   */
  public Duration bucket() {
    return bucket;
  }

  /**
   * How far back buckets are kept.
   *
   * @return the retention
   */
  public Duration retention() {
    return retention;
  }

  /**
   * Records one observation in the bucket holding {@code time}.
   *
   * @param time when the load was observed
   * @param value the load, finite and at least 0
   * @return false when {@code time} falls before the retained range (the sample is dropped)
   * @throws IllegalArgumentException when {@code value} is negative or not finite
   */
  public synchronized boolean record(Instant time, double value) {
    Objects.requireNonNull(time, "time");
    if (!Double.isFinite(value) || value < 0) {
      throw new IllegalArgumentException(
          "load at " + time + ": " + value + "; allowed: a finite value >= 0");
    }
    long b = bucketOf(time);
    if (newest != EMPTY && b <= newest - slotBucket.length) {
      return false;
    }
    int slot = (int) Math.floorMod(b, (long) slotBucket.length);
    if (slotBucket[slot] != b) {
      slotBucket[slot] = b;
      sum[slot] = 0;
      count[slot] = 0;
      peak[slot] = 0;
    }
    sum[slot] += value;
    count[slot]++;
    peak[slot] = Math.max(peak[slot], value);
    if (newest == EMPTY || b > newest) {
      newest = b;
    }
    if (oldest == EMPTY || b < oldest) {
      oldest = b;
    }
    return true;
  }

  /**
   * The mean load observed in the bucket holding {@code time}.
   *
   * @param time any time
   * @return the bucket's mean, or empty when the bucket is missing or no longer retained
   */
  public synchronized OptionalDouble meanAt(Instant time) {
    int slot = slotOf(bucketOf(time));
    return slot < 0 ? OptionalDouble.empty() : OptionalDouble.of(sum[slot] / count[slot]);
  }

  /**
   * The peak load observed in the bucket holding {@code time}.
   *
   * @param time any time
   * @return the bucket's peak, or empty when the bucket is missing or no longer retained
   */
  public synchronized OptionalDouble peakAt(Instant time) {
    int slot = slotOf(bucketOf(time));
    return slot < 0 ? OptionalDouble.empty() : OptionalDouble.of(peak[slot]);
  }

  /**
   * The time from the start of the oldest retained observed bucket to the start of the bucket
   * holding {@code until}: how much complete history exists at that time.
   *
   * @param until the current time
   * @return the span, zero when nothing is recorded
   */
  public synchronized Duration completeSpan(Instant until) {
    if (newest == EMPTY) {
      return Duration.ZERO;
    }
    long first = Math.max(oldest, newest - slotBucket.length + 1);
    long end = bucketOf(until);
    return end <= first ? Duration.ZERO : bucket.multipliedBy(end - first);
  }

  /**
   * The complete buckets before the one holding {@code until} (which is still filling), from the
   * oldest to the newest observed one, with gaps filled as the class comment says.
   *
   * @param until the current time; its bucket is left out
   * @return the series, empty (size 0) when no complete bucket is observed
   */
  public synchronized LoadSeries series(Instant until) {
    long endExclusive = bucketOf(until);
    long from = newest == EMPTY ? 0 : Math.max(oldest, newest - slotBucket.length + 1);
    long first = EMPTY;
    long last = EMPTY;
    for (long b = from; newest != EMPTY && b < endExclusive && b <= newest; b++) {
      if (slotOf(b) >= 0) {
        if (first == EMPTY) {
          first = b;
        }
        last = b;
      }
    }
    if (first == EMPTY) {
      return new LoadSeries(
          Instant.ofEpochMilli(endExclusive * bucketMillis),
          bucket,
          new double[0],
          new double[0],
          0);
    }
    int n = (int) (last - first + 1);
    double[] m = new double[n];
    double[] p = new double[n];
    boolean[] seen = new boolean[n];
    int observed = 0;
    for (int i = 0; i < n; i++) {
      int slot = slotOf(first + i);
      if (slot >= 0) {
        m[i] = sum[slot] / count[slot];
        p[i] = peak[slot];
        seen[i] = true;
        observed++;
      }
    }
    fillGaps(m, p, seen, (int) (Duration.ofDays(1).toMillis() / bucketMillis));
    return new LoadSeries(Instant.ofEpochMilli(first * bucketMillis), bucket, m, p, observed);
  }

  private static void fillGaps(double[] m, double[] p, boolean[] seen, int perDay) {
    int prev = 0;
    for (int i = 1; i < m.length; i++) {
      if (seen[i]) {
        prev = i;
        continue;
      }
      if (i >= perDay) {
        m[i] = m[i - perDay];
        p[i] = p[i - perDay];
        continue;
      }
      int next = i + 1;
      while (!seen[next]) {
        next++;
      }
      double f = (double) (i - prev) / (next - prev);
      m[i] = m[prev] + f * (m[next] - m[prev]);
      p[i] = p[prev] + f * (p[next] - p[prev]);
    }
  }

  private long bucketOf(Instant time) {
    return Math.floorDiv(time.toEpochMilli(), bucketMillis);
  }

  private int slotOf(long b) {
    if (newest == EMPTY || b > newest || b <= newest - slotBucket.length) {
      return -1;
    }
    int slot = (int) Math.floorMod(b, (long) slotBucket.length);
    return slotBucket[slot] == b ? slot : -1;
  }
}
