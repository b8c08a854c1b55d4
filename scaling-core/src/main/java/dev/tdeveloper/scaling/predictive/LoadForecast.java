package dev.tdeveloper.scaling.predictive;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalDouble;

/**
 * A load forecast: per future bucket, the expected mean and peak load, with the model that made it.
 * Values are at least 0 and the peak is at least the mean. Immutable and thread-safe.
 */
public final class LoadForecast extends BucketedLoad {
  private final long bucketMillis;
  private final boolean weekly;
  private final SmoothingParameters meanParameters;
  private final SmoothingParameters peakParameters;

  LoadForecast(
      Instant start,
      Duration bucket,
      double[] mean,
      double[] peak,
      boolean weekly,
      SmoothingParameters meanParameters,
      SmoothingParameters peakParameters) {
    super(start, bucket, mean, peak);
    this.bucketMillis = bucket.toMillis();
    this.weekly = weekly;
    this.meanParameters = meanParameters;
    this.peakParameters = peakParameters;
  }

  /**
   * Whether the weekly season was used.
   *
   * @return true when the history was long enough for it
   */
  public boolean weekly() {
    return weekly;
  }

  /**
   * The parameters the mean series was forecast with.
   *
   * @return the smoothing parameters
   */
  public SmoothingParameters meanParameters() {
    return meanParameters;
  }

  /**
   * The parameters the peak series was forecast with.
   *
   * @return the smoothing parameters
   */
  public SmoothingParameters peakParameters() {
    return peakParameters;
  }

  /**
   * The forecast mean load of the bucket holding {@code time}.
   *
   * @param time any time
   * @return the forecast, or empty when {@code time} is outside the forecast
   */
  public OptionalDouble meanAt(Instant time) {
    int i = index(time);
    return i < 0 || i >= mean.length ? OptionalDouble.empty() : OptionalDouble.of(mean[i]);
  }

  /**
   * The forecast peak load of the bucket holding {@code time}.
   *
   * @param time any time
   * @return the forecast, or empty when {@code time} is outside the forecast
   */
  public OptionalDouble peakAt(Instant time) {
    int i = index(time);
    return i < 0 || i >= peak.length ? OptionalDouble.empty() : OptionalDouble.of(peak[i]);
  }

  /**
   * The highest forecast peak over the buckets that overlap {@code [from, to]}.
   *
   * @param from the start of the window
   * @param to the end of the window, not before {@code from}
   * @return the highest peak, or empty when the window lies entirely outside the forecast
   */
  public OptionalDouble maxPeak(Instant from, Instant to) {
    int a = Math.max(0, index(from));
    int b = Math.min(peak.length - 1, index(to));
    if (a > b) {
      return OptionalDouble.empty();
    }
    double max = 0;
    for (int i = a; i <= b; i++) {
      max = Math.max(max, peak[i]);
    }
    return OptionalDouble.of(max);
  }

  private int index(Instant time) {
    long d = Math.floorDiv(time.toEpochMilli() - start.toEpochMilli(), bucketMillis);
    return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, d));
  }

  @Override
  public String toString() {
    return "LoadForecast[start="
        + start
        + ", bucket="
        + bucket
        + ", size="
        + mean.length
        + ", weekly="
        + weekly
        + ", mean "
        + meanParameters
        + ", peak "
        + peakParameters
        + "]";
  }
}
