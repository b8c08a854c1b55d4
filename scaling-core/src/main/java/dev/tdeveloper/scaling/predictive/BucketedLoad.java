package dev.tdeveloper.scaling.predictive;

import java.time.Duration;
import java.time.Instant;

/**
 * Consecutive time buckets from {@code start}, each with a mean and a peak load: what an observed
 * {@link LoadSeries} and an expected {@link LoadForecast} have in common. Subclasses never change
 * the arrays after construction, so they stay immutable and thread-safe.
 */
abstract sealed class BucketedLoad permits LoadForecast, LoadSeries {
  final Instant start;
  final Duration bucket;
  final double[] mean;
  final double[] peak;

  BucketedLoad(Instant start, Duration bucket, double[] mean, double[] peak) {
    this.start = start;
    this.bucket = bucket;
    this.mean = mean;
    this.peak = peak;
  }

  /**
   * The start of the first bucket.
   *
   * @return the start
   */
  public final Instant start() {
    return start;
  }

  /**
   * The end of the last bucket (exclusive); for a series, where a forecast from it starts.
   *
   * @return {@code start + size x bucket}
   */
  public final Instant end() {
    return start.plus(bucket.multipliedBy(mean.length));
  }

  /**
   * The bucket duration.
   *
   * @return the duration of one bucket
   */
  public final Duration bucket() {
    return bucket;
  }

  /**
   * The number of buckets: the length of a series, the horizon of a forecast.
   *
   * @return the number of buckets
   */
  public final int size() {
    return mean.length;
  }

  /**
   * The mean load of one bucket (observed in a series, expected in a forecast).
   *
   * @param i the bucket, from 0
   * @return its mean load
   */
  public final double mean(int i) {
    return mean[i];
  }

  /**
   * The peak load of one bucket (observed in a series, expected in a forecast).
   *
   * @param i the bucket, from 0
   * @return its peak load
   */
  public final double peak(int i) {
    return peak[i];
  }
}
