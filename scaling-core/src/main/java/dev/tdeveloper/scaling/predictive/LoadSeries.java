package dev.tdeveloper.scaling.predictive;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * A gap-free run of consecutive time buckets, each with the mean and the peak load observed in it:
 * what a {@link SeasonalForecaster} fits. Built by {@link LoadHistory#series(Instant)} (which fills
 * gaps) or from arrays with {@link #of}. Immutable and thread-safe.
 */
public final class LoadSeries extends BucketedLoad {
  private static final long DAY_MILLIS = Duration.ofDays(1).toMillis();

  private final int observed;

  LoadSeries(Instant start, Duration bucket, double[] mean, double[] peak, int observed) {
    super(start, bucket, mean, peak);
    this.observed = observed;
  }

  /**
   * A series from arrays, every bucket counted as observed (the arrays are copied).
   *
   * @param start the start of the first bucket
   * @param bucket the bucket duration, whole milliseconds that divide a day evenly
   * @param mean the mean load per bucket, each finite and at least 0
   * @param peak the peak load per bucket, as long as {@code mean}, each at least its mean
   * @return the series
   * @throws IllegalArgumentException naming the field and value for a bad bucket, mismatched
   *     lengths or a bad value
   */
  public static LoadSeries of(Instant start, Duration bucket, double[] mean, double[] peak) {
    Objects.requireNonNull(start, "start");
    checkBucket(bucket);
    if (mean.length != peak.length) {
      throw new IllegalArgumentException(
          "peak: length "
              + peak.length
              + " differs from mean length "
              + mean.length
              + "; allowed: equal lengths");
    }
    for (int i = 0; i < mean.length; i++) {
      if (!Double.isFinite(mean[i]) || mean[i] < 0) {
        throw new IllegalArgumentException(
            "mean[" + i + "]: " + mean[i] + "; allowed: a finite value >= 0");
      }
      if (!Double.isFinite(peak[i]) || peak[i] < mean[i]) {
        throw new IllegalArgumentException(
            "peak[" + i + "]: " + peak[i] + "; allowed: a finite value >= mean " + mean[i]);
      }
    }
    return new LoadSeries(start, bucket, mean.clone(), peak.clone(), mean.length);
  }

  static void checkBucket(Duration bucket) {
    Objects.requireNonNull(bucket, "bucket");
    long ms = bucket.toMillis();
    if (bucket.isNegative()
        || bucket.isZero()
        || ms < 1000
        || !bucket.equals(Duration.ofMillis(ms))
        || DAY_MILLIS % ms != 0) {
      throw new IllegalArgumentException(
          "bucket: "
              + bucket
              + " is not allowed; allowed: at least 1 s, whole milliseconds, dividing a day"
              + " evenly (5 min, 15 min, 1 h for example)");
    }
  }

  /**
   * How many buckets hold observed values (the others were filled in).
   *
   * @return at most {@link #size()}
   */
  public int observedBuckets() {
    return observed;
  }

  /**
   * The time the series covers.
   *
   * @return {@code size x bucket}
   */
  public Duration span() {
    return bucket.multipliedBy(mean.length);
  }

  /**
   * The number of buckets in a day at this bucket duration.
   *
   * @return {@code 1 day / bucket}
   */
  public int bucketsPerDay() {
    return (int) (DAY_MILLIS / bucket.toMillis());
  }

  double[] meanArray() {
    return mean;
  }

  double[] peakArray() {
    return peak;
  }

  @Override
  public String toString() {
    return "LoadSeries[start="
        + start
        + ", bucket="
        + bucket
        + ", size="
        + mean.length
        + ", observed="
        + observed
        + ", mean(head)="
        + Arrays.toString(Arrays.copyOf(mean, Math.min(4, mean.length)))
        + "]";
  }
}
